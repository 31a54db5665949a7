import type { InitialAccessControls } from './invites.events';
import type { UserProfile } from './users.events';

/**
 * The one call between the invites and users services: create the user an invitee becomes. Keyed by the
 * invite (the user's id is the invite's), so a repeated call answers with the user the first one made.
 * It answers once the user can log in with the invite's roles; a broken users rule answers as problem+json.
 */
export type InvitedUserRequest = Omit<UserProfile, 'mobile'> & {
  readonly inviteId: string;
  readonly password: string;
  readonly roles: readonly string[];
  readonly accessControls: InitialAccessControls | null;
};

export const invitedUsersPath = (accountId: string): string =>
  `/internal/v1/accounts/${accountId}/invited-users`;
