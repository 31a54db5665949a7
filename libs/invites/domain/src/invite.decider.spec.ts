import type { InviteEvent, UserInvited } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { fold } from '@gatehouse/domain-kit';
import { inviteDecider, type InviteUser, statusOf } from './invite.decider';

const spec = deciderSpec(inviteDecider);
const accountId = 'a1';
const deadline = '2026-12-08T12:00:00.000Z';
const beforeDeadline = new Date('2026-12-08T11:59:59.999Z');
const atDeadline = new Date(deadline);
const invitee = {
  email: 'ann@example.com',
  firstName: 'Ann',
  lastName: null,
  language: 'de',
  timeZone: 'UTC',
} as const;
const facts = {
  inviteId: 'i1',
  accountId,
  invitee,
  roles: ['developer'],
  accessControls: null,
  invitedBy: 'admin',
};
const inviteUser: InviteUser = {
  type: 'InviteUser',
  ...facts,
  knownRoles: new Set(['developer', 'analyst']),
  sendId: 's1',
  expiresAt: deadline,
};
const invited: UserInvited = { type: 'UserInvited', data: { ...facts, sendId: 's1', expiresAt: deadline } };
const resent = (sendId: string, expiresAt: string): InviteEvent => ({
  type: 'InviteResent',
  data: { inviteId: 'i1', sendId, expiresAt },
});
const revoked: InviteEvent = { type: 'InviteRevoked', data: { inviteId: 'i1' } };
const accepted: InviteEvent = {
  type: 'InviteAccepted',
  data: { inviteId: 'i1', userId: 'u1', roles: ['developer'], accessControls: null },
};
const accept = (sendId = 's1', now = beforeDeadline) =>
  ({ type: 'AcceptInvite', sendId, userId: 'u1', now }) as const;
const resend = {
  type: 'ResendInvite',
  accountId,
  sendId: 's2',
  expiresAt: '2026-12-20T00:00:00.000Z',
} as const;
const revoke = { type: 'RevokeInvite', accountId } as const;

describe('an invite', () => {
  describe('when none exists', () => {
    it('invites with the roles once each and the deadline given', () => {
      spec
        .given([])
        .when({ ...inviteUser, roles: ['developer', 'developer'] })
        .then([invited]);
    });
    it('carries the access controls chosen for the future user', () => {
      const accessControls = { ipSafelist: ['10.0.0.0/8'], apiAccess: ['http'] };
      spec
        .given([])
        .when({ ...inviteUser, accessControls })
        .then([{ type: 'UserInvited', data: { ...invited.data, accessControls } }]);
    });
    it('carries each safelist entry as the access-control context will store it, once', () => {
      const accessControls = { ipSafelist: ['2001:DB8::1/128', '2001:db8::1', '10.0.0.0/8'], apiAccess: [] };
      const carried = { ipSafelist: ['2001:db8::1', '10.0.0.0/8'], apiAccess: [] };
      spec
        .given([])
        .when({ ...inviteUser, accessControls })
        .then([{ type: 'UserInvited', data: { ...invited.data, accessControls: carried } }]);
    });
    // Controls the access-control context would refuse would leave the invitee a user whose logins are
    // refused until controls that never come are applied.
    it.each([
      [{ ipSafelist: ['192.168.1.10/24'] }, 'IP_RANGE_HOST_BITS_SET', 'accessControls.ipSafelist'],
      [{ ipSafelist: ['10.0.0.0/8', '1.2.3'] }, 'IP_ENTRY_INVALID', 'accessControls.ipSafelist'],
      [{ apiAccess: ['http', 'rest'] }, 'API_PROTOCOL_UNKNOWN', 'accessControls.apiAccess'],
    ])('refuses controls the access-control context would refuse: %j', (accessControls, code, field) => {
      expect(() =>
        inviteDecider.decide({ ...inviteUser, accessControls }, inviteDecider.initialState()),
      ).toThrow(expect.objectContaining({ code, field }));
    });
    it("refuses roles outside the account's catalog", () => {
      spec
        .given([])
        .when({ ...inviteUser, roles: ['developer', 'custom-elsewhere'] })
        .thenThrows('UNKNOWN_ROLE');
    });
    it('cannot be resent, revoked or accepted', () => {
      spec.given([]).when(resend).thenThrows('INVITE_NOT_FOUND');
      spec.given([]).when(revoke).thenThrows('INVITE_NOT_FOUND');
      spec.given([]).when(accept()).thenThrows('INVITE_TOKEN_INVALID');
      spec.given([]).when({ type: 'RecordAcceptance', userId: 'u1' }).thenThrows('INVITE_NOT_FOUND');
    });
  });

  describe('when pending', () => {
    it('cannot be invited twice', () => {
      spec.given([invited]).when(inviteUser).thenThrows('INVITE_EXISTS');
    });
    it('is accepted with the token of its latest send before the deadline', () => {
      spec.given([invited]).when(accept()).then([accepted]);
    });
    it('rejects acceptance at or after the deadline', () => {
      spec.given([invited]).when(accept('s1', atDeadline)).thenThrows('INVITE_TOKEN_INVALID');
    });
    it("rejects a replaced send's token after a resend", () => {
      spec
        .given([invited, resent('s2', deadline)])
        .when(accept('s1'))
        .thenThrows('INVITE_TOKEN_INVALID');
      spec
        .given([invited, resent('s2', deadline)])
        .when(accept('s2'))
        .then([accepted]);
    });
    it('is resent with a new send and deadline', () => {
      spec
        .given([invited])
        .when(resend)
        .then([resent('s2', resend.expiresAt)]);
    });
    it('is revoked', () => {
      spec.given([invited]).when(revoke).then([revoked]);
    });
    it("does not exist for another account's caller", () => {
      spec
        .given([invited])
        .when({ ...revoke, accountId: 'a2' })
        .thenThrows('INVITE_NOT_FOUND');
      spec
        .given([invited])
        .when({ ...resend, accountId: 'a2' })
        .thenThrows('INVITE_NOT_FOUND');
    });
  });

  describe('when expired', () => {
    it('can be resent, and the new link is accepted until the new deadline', () => {
      spec
        .given([invited])
        .when(resend)
        .then([resent('s2', resend.expiresAt)]);
      const later = new Date('2026-12-10T00:00:00.000Z');
      spec
        .given([invited, resent('s2', resend.expiresAt)])
        .when(accept('s2', later))
        .then([accepted]);
    });
  });

  describe('when revoked', () => {
    it('rejects acceptance with the same error as a wrong token', () => {
      spec.given([invited, revoked]).when(accept()).thenThrows('INVITE_TOKEN_INVALID');
    });
    it('cannot be resent', () => {
      spec.given([invited, revoked]).when(resend).thenThrows('INVITE_REVOKED');
    });
    it('records nothing when revoked again', () => {
      spec.given([invited, revoked]).when(revoke).then([]);
    });
  });

  describe('when accepted', () => {
    it('rejects its token a second time', () => {
      spec.given([invited, accepted]).when(accept()).thenThrows('INVITE_TOKEN_INVALID');
    });
    it('cannot be resent or revoked', () => {
      spec.given([invited, accepted]).when(resend).thenThrows('INVITE_ALREADY_ACCEPTED');
      spec.given([invited, accepted]).when(revoke).thenThrows('INVITE_ALREADY_ACCEPTED');
    });
    it('records an acceptance repeated after a crash only once', () => {
      spec.given([invited, accepted]).when({ type: 'RecordAcceptance', userId: 'u1' }).then([]);
    });
  });

  describe('when its user was created by the users context', () => {
    it('records the acceptance even if the invite was revoked meanwhile', () => {
      spec.given([invited, revoked]).when({ type: 'RecordAcceptance', userId: 'u1' }).then([accepted]);
    });
  });

  describe('its status', () => {
    const state = (events: InviteEvent[]) => {
      const folded = fold(inviteDecider.evolve, inviteDecider.initialState(), events);
      if (folded.status === 'none') throw new Error('no invite');
      return folded;
    };
    it('is expired once pending past its deadline, and pending again after a resend', () => {
      expect(statusOf(state([invited]), beforeDeadline)).toBe('pending');
      expect(statusOf(state([invited]), atDeadline)).toBe('expired');
      expect(statusOf(state([invited, resent('s2', resend.expiresAt)]), atDeadline)).toBe('pending');
    });
    it('stays revoked or accepted past the deadline', () => {
      expect(statusOf(state([invited, revoked]), atDeadline)).toBe('revoked');
      expect(statusOf(state([invited, accepted]), atDeadline)).toBe('accepted');
    });
  });
});
