import type { UsernameEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';

/** Usernames are unique whatever their case or surrounding spaces: `Ada ` and `ada` are one login name. */
export const normaliseUsername = (username: string): string => username.trim().toLowerCase();

/**
 * Whose a username is, as HTTP basic authentication reads a reservation stream (named by a keyed hash of
 * the normalised username): a view of the users context's published event, so every service finds the
 * user behind a username without the users context's decider.
 */
export type UsernameOwner = { readonly userId: string } | null;

export const usernameOwnerView: View<UsernameOwner, UsernameEvent> = {
  initialState: () => null,
  evolve: (_owner, event) => ({ userId: event.data.userId }),
};
