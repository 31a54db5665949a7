import { deciderSpec } from '@gatehouse/testing';
import { inviteEmailDecider } from './invite-email.decider';

const spec = deciderSpec(inviteEmailDecider);
const claimed = (inviteId: string) => ({ type: 'InviteEmailClaimed', data: { inviteId } }) as const;
const claim = (inviteId: string, holderPending: boolean) =>
  ({ type: 'ClaimInviteEmail', inviteId, holderPending }) as const;

describe("an account's email held by invites", () => {
  describe('when never invited', () => {
    it('is claimed by the first invite', () => {
      spec
        .given([])
        .when(claim('i1', false))
        .then([claimed('i1')]);
    });
  });
  describe('when held by a pending invite', () => {
    it('refuses a second invite, naming the pending one', () => {
      spec
        .given([claimed('i1')])
        .when(claim('i2', true))
        .thenThrows('INVITE_PENDING');
    });
    it('is claimed again by its holder on a resend, moving the guard', () => {
      spec
        .given([claimed('i1')])
        .when(claim('i1', true))
        .then([claimed('i1')]);
    });
  });
  describe('when held by an invite no longer pending (revoked, accepted or expired)', () => {
    it('is claimed by a new invite', () => {
      spec
        .given([claimed('i1')])
        .when(claim('i2', false))
        .then([claimed('i2')]);
    });
  });
});
