import type { InviteSettingsChanged } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { INVITE_EXPIRY_HOURS } from './invite-expiry';
import { InviteErrors } from './invites.errors';

/**
 * The account's invite settings, in `invite-settings-<accountId>`: kept by the invites context itself so
 * it reads no other context's stream to date an invite. Who may change them is judged at the edge.
 */
export type InviteSettingsState = { readonly expiryHours: number };

export type ChangeInviteSettings = { readonly type: 'ChangeInviteSettings'; readonly expiryHours: number };

export const inviteSettingsDecider: Decider<
  ChangeInviteSettings,
  InviteSettingsState,
  InviteSettingsChanged
> = {
  decide: (command, state) => {
    const hours = command.expiryHours;
    if (!Number.isInteger(hours) || hours < INVITE_EXPIRY_HOURS.min || hours > INVITE_EXPIRY_HOURS.max) {
      throw InviteErrors.expiryOutOfRange();
    }
    if (hours === state.expiryHours) return [];
    return [{ type: 'InviteSettingsChanged', data: { expiryHours: { from: state.expiryHours, to: hours } } }];
  },
  evolve: (_state, event) => ({ expiryHours: event.data.expiryHours.to }),
  initialState: () => ({ expiryHours: INVITE_EXPIRY_HOURS.default }),
};
