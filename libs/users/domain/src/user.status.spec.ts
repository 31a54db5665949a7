import { deciderSpec } from '@gatehouse/testing';
import { userDecider } from './user.decider';
import { created, disabled, locked, loggedIn } from './user.fixtures';

const spec = deciderSpec(userDecider);

describe('user status', () => {
  describe('when disabling and enabling', () => {
    const disable = { type: 'DisableUser', accountId: 'a1', actorId: 'admin' } as const;
    const enable = { type: 'EnableUser', accountId: 'a1' } as const;
    it('disables an active user', () => {
      spec
        .given([created, loggedIn('s1')])
        .when(disable)
        .then([disabled]);
    });
    it('refuses anyone disabling themselves', () => {
      spec
        .given([created])
        .when({ ...disable, actorId: 'u1' })
        .thenThrows('CANNOT_DISABLE_SELF');
    });
    it('refuses to disable a disabled user', () => {
      spec.given([created, disabled]).when(disable).thenThrows('USER_ALREADY_DISABLED');
    });
    it('enables a disabled user back to active', () => {
      spec
        .given([created, disabled])
        .when(enable)
        .then([{ type: 'UserEnabled', data: { userId: 'u1', status: 'active' } }]);
    });
    it('enables a user locked before being disabled back to locked', () => {
      spec
        .given([created, locked('2025-01-01T00:00:00.000Z'), disabled])
        .when(enable)
        .then([{ type: 'UserEnabled', data: { userId: 'u1', status: 'locked' } }]);
    });
    it('refuses to enable a user who is not disabled', () => {
      spec.given([created]).when(enable).thenThrows('USER_NOT_DISABLED');
    });
  });

  describe('when deletion is requested', () => {
    const request = { type: 'RequestDeletion', accountId: 'a1' } as const;
    it('records the request', () => {
      spec
        .given([created])
        .when(request)
        .then([{ type: 'UserDeletionRequested', data: { userId: 'u1' } }]);
    });
    it("refuses an Account admin's own request, which another Account admin makes", () => {
      spec
        .given([created])
        .when({ ...request, selfAsAccountAdmin: true })
        .thenThrows('ACCOUNT_ADMIN_OWN_DELETION');
      spec
        .given([created])
        .when({ ...request, selfAsAccountAdmin: false })
        .then([{ type: 'UserDeletionRequested', data: { userId: 'u1' } }]);
    });
    it('refuses a second request', () => {
      spec
        .given([created, { type: 'UserDeletionRequested', data: { userId: 'u1' } }])
        .when(request)
        .thenThrows('DELETION_ALREADY_REQUESTED');
    });
  });

  describe('when a deletion request is withdrawn', () => {
    const requested = { type: 'UserDeletionRequested', data: { userId: 'u1' } } as const;
    const withdrawn = { type: 'UserDeletionRequestWithdrawn', data: { userId: 'u1' } } as const;
    const withdraw = { type: 'WithdrawDeletionRequest', accountId: 'a1' } as const;
    it('records the withdrawal, after which the user may act and be asked for again', () => {
      spec.given([created, requested]).when(withdraw).then([withdrawn]);
      spec
        .given([created, requested, withdrawn])
        .when({ type: 'RequestDeletion', accountId: 'a1' })
        .then([requested]);
    });
    it('refuses when no request is pending', () => {
      spec.given([created]).when(withdraw).thenThrows('DELETION_NOT_REQUESTED');
      spec.given([created, requested, withdrawn]).when(withdraw).thenThrows('DELETION_NOT_REQUESTED');
    });
  });
});
