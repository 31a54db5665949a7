import type { InviteEmailClaimed } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { InviteErrors } from './invites.errors';

/**
 * The guard of "one pending invite per email in an account": a stream per (account, email), named by a
 * keyed hash so no email appears in a stream id, holding which invite last claimed the email. A new invite
 * and a resend both claim it in the same write as the invite's own event, so of two racing claims one
 * re-decides. `holderPending` is whether the holding invite is pending and unexpired now: read from the
 * holder's stream while deciding, as revoking, accepting or expiring only ever free the email.
 */
export type InviteEmailState = { readonly holder: string | null };

export type ClaimInviteEmail = {
  readonly type: 'ClaimInviteEmail';
  readonly inviteId: string;
  readonly holderPending: boolean;
};

export const inviteEmailDecider: Decider<ClaimInviteEmail, InviteEmailState, InviteEmailClaimed> = {
  decide: (command, state) => {
    if (state.holder !== null && state.holder !== command.inviteId && command.holderPending) {
      throw InviteErrors.pending(state.holder);
    }
    return [{ type: 'InviteEmailClaimed', data: { inviteId: command.inviteId } }];
  },
  evolve: (_state, event) => ({ holder: event.data.inviteId }),
  initialState: () => ({ holder: null }),
};
