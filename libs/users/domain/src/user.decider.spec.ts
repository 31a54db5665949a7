import { deciderSpec } from '@gatehouse/testing';
import { userDecider } from './user.decider';
import { created, loggedIn, policy, profile, strongPassword } from './user.fixtures';

const spec = deciderSpec(userDecider);
const catalog = new Set(['account-admin', 'support', 'custom-1']);
const createUser = (roles: string[] = []) =>
  ({ type: 'CreateUser', userId: 'u1', accountId: 'a1', profile, roles, knownRoles: catalog }) as const;
const details = (changes: Record<string, string>, actorIsAccountAdmin = true) =>
  ({ type: 'UpdateUserDetails', accountId: 'a1', changes, actorIsAccountAdmin }) as const;
const contact = (email: string, mobile: string | null, accountId = 'a1') =>
  ({ type: 'ChangeContactInfo', accountId, email, mobile }) as const;
const changePassword = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'ChangePassword',
    accountId: 'a1',
    actorId: 'u1',
    sessionId: 's1',
    currentPasswordMatches: true,
    newPassword: strongPassword,
    policy,
    ...overrides,
  }) as const;

describe('user decider', () => {
  describe('when the user does not exist', () => {
    it('creates the user with the given profile', () => {
      spec.given([]).when(createUser()).then([created]);
    });
    it('records the roles asked for, each once, for the roles context to grant', () => {
      spec
        .given([])
        .when(createUser(['support', 'custom-1', 'support']))
        .then([{ ...created, data: { ...created.data, roles: ['support', 'custom-1'] } }]);
    });
    it('records the invite the user accepted, for the invites and access-control contexts', () => {
      const invite = { inviteId: 'i1', accessControls: { ipSafelist: ['10.0.0.0/8'] } };
      spec
        .given([])
        .when({ ...createUser(), invite })
        .then([{ ...created, data: { ...created.data, invite } }]);
    });
    it('records the access controls the admin chose, as the access-control context will store them', () => {
      const accessControls = { ipSafelist: ['2001:DB8::1/128', '10.0.0.0/8'], apiAccess: ['smpp'] };
      const recorded = { ipSafelist: ['2001:db8::1', '10.0.0.0/8'], apiAccess: ['smpp'] };
      spec
        .given([])
        .when({ ...createUser(), accessControls })
        .then([{ ...created, data: { ...created.data, accessControls: recorded } }]);
    });
    it('refuses access controls the access-control context would refuse, naming the field', () => {
      const refusal = (accessControls: object) => () =>
        userDecider.decide({ ...createUser(), accessControls }, userDecider.initialState());
      expect(refusal({ ipSafelist: ['10.0.0.1/8'] })).toThrow(
        expect.objectContaining({ code: 'IP_RANGE_HOST_BITS_SET', field: 'accessControls.ipSafelist' }),
      );
      expect(refusal({ apiAccess: ['rest'] })).toThrow(
        expect.objectContaining({ code: 'API_PROTOCOL_UNKNOWN', field: 'accessControls.apiAccess' }),
      );
    });
    it('issues a link to choose a first password with a user an admin creates', () => {
      const firstPassword = { resetId: 'r1', expiresAt: '2025-01-08T00:00:00.000Z' };
      spec
        .given([])
        .when({ ...createUser(), firstPassword })
        .then([{ ...created, data: { ...created.data, firstPassword } }]);
    });
    it('issues no first-password link to an invitee, who chose their password when accepting', () => {
      const invite = { inviteId: 'i1', accessControls: null };
      const firstPassword = { resetId: 'r1', expiresAt: '2025-01-08T00:00:00.000Z' };
      spec
        .given([])
        .when({ ...createUser(), invite, firstPassword })
        .then([{ ...created, data: { ...created.data, invite } }]);
    });
    it('lets the first-password link set the password once, until it expires', () => {
      const firstPassword = { resetId: 'r1', expiresAt: '2025-01-08T00:00:00.000Z' };
      const withLink = { ...created, data: { ...created.data, firstPassword } };
      const complete = (now: string) =>
        ({ type: 'CompletePasswordReset', resetId: 'r1', newPassword: strongPassword, policy, now }) as const;
      const done = { type: 'UserPasswordReset', data: { userId: 'u1', resetId: 'r1' } } as const;
      spec.given([withLink]).when(complete('2025-01-07T23:59:59.000Z')).then([done]);
      spec
        .given([withLink, done])
        .when(complete('2025-01-02T00:00:00.000Z'))
        .thenThrows('RESET_TOKEN_INVALID');
      spec.given([withLink]).when(complete('2025-01-08T00:00:00.000Z')).thenThrows('RESET_TOKEN_INVALID');
    });
    it('refuses roles not in the account catalog, naming them', () => {
      spec
        .given([])
        .when(createUser(['support', 'ghost']))
        .thenThrows('UNKNOWN_ROLE');
    });
    it.each([
      details({ firstName: 'X' }),
      contact('x@example.com', null),
      { type: 'DisableUser', accountId: 'a1', actorId: 'u9' } as const,
      { type: 'RequestDeletion', accountId: 'a1' } as const,
    ])('refuses $type', (command) => {
      spec.given([]).when(command).thenThrows('USER_NOT_FOUND');
    });
  });

  describe('when the user exists', () => {
    it('refuses to create it again', () => {
      spec.given([created]).when(createUser()).thenThrows('USER_ALREADY_EXISTS');
    });
    it('hides the user from another account, whatever the command', () => {
      spec
        .given([created])
        .when({ ...details({ firstName: 'Eve' }), accountId: 'a2' })
        .thenThrows('USER_NOT_FOUND');
      spec
        .given([created])
        .when(contact('eve@example.com', null, 'a2'))
        .thenThrows('USER_NOT_FOUND');
      spec.given([created]).when({ type: 'EnableUser', accountId: 'a2' }).thenThrows('USER_NOT_FOUND');
    });
  });

  describe('when editing details', () => {
    it('records only the changed details, with previous and new values', () => {
      spec
        .given([created])
        .when(details({ firstName: 'Augusta', lastName: 'Lovelace', language: 'fr' }))
        .then([
          {
            type: 'UserDetailsUpdated',
            data: {
              userId: 'u1',
              changes: { firstName: { from: 'Ada', to: 'Augusta' }, language: { from: 'en', to: 'fr' } },
            },
          },
        ]);
    });
    it('refuses an edit that changes nothing', () => {
      spec
        .given([created])
        .when(details({ firstName: 'Ada' }))
        .thenThrows('USER_DETAILS_UNCHANGED');
    });
    it('refuses a language change by someone without the Account admin role', () => {
      spec
        .given([created])
        .when(details({ language: 'de' }, false))
        .thenThrows('LANGUAGE_READ_ONLY');
    });
    it('lets someone without the role edit names and time zone, the language sent unchanged', () => {
      spec
        .given([created])
        .when(details({ timeZone: 'Europe/Paris', language: 'en' }, false))
        .then([
          {
            type: 'UserDetailsUpdated',
            data: { userId: 'u1', changes: { timeZone: { from: 'Europe/London', to: 'Europe/Paris' } } },
          },
        ]);
    });
  });

  describe('when changing contact info', () => {
    it('records the changed email and mobile with previous and new values', () => {
      spec
        .given([created])
        .when(contact('ada@lovelace.org', '+447700900123'))
        .then([
          {
            type: 'UserContactInfoChanged',
            data: {
              userId: 'u1',
              changes: {
                email: { from: 'ada@example.com', to: 'ada@lovelace.org' },
                mobile: { from: null, to: '+447700900123' },
              },
            },
          },
        ]);
    });
    it('records nothing when the contact info is already as asked', () => {
      spec.given([created]).when(contact('ada@example.com', null)).then([]);
    });
  });

  describe('when changing the password', () => {
    it('records the change, keeping the session it was made from', () => {
      spec
        .given([created, loggedIn('s1'), loggedIn('s2')])
        .when(changePassword())
        .then([{ type: 'UserPasswordChanged', data: { userId: 'u1', keptSessionId: 's1' } }]);
    });
    it("refuses to change another user's password, even for an admin", () => {
      spec
        .given([created])
        .when(changePassword({ actorId: 'admin' }))
        .thenThrows('PASSWORD_CHANGE_SELF_ONLY');
    });
    it('refuses a wrong current password', () => {
      spec
        .given([created])
        .when(changePassword({ currentPasswordMatches: false }))
        .thenThrows('CURRENT_PASSWORD_WRONG');
    });
    it('refuses a new password that breaks the policy, naming the rule', () => {
      spec
        .given([created])
        .when(changePassword({ newPassword: 'Sh0rt!' }))
        .thenThrows('PASSWORD_TOO_SHORT');
      spec
        .given([created])
        .when(changePassword({ newPassword: 'alllowercaseletters' }))
        .thenThrows('PASSWORD_TOO_FEW_CHARACTER_CLASSES');
    });
  });

  describe('when a session is open', () => {
    const ended = {
      type: 'UserSessionEnded',
      data: { userId: 'u1', sessionId: 's1', reason: 'logout' },
    } as const;
    it('ends it on logout', () => {
      spec
        .given([created, loggedIn('s1')])
        .when({ type: 'EndSession', sessionId: 's1', reason: 'logout' })
        .then([ended]);
    });
    it('refuses to end a session that already ended', () => {
      spec
        .given([created, loggedIn('s1'), ended])
        .when({ type: 'EndSession', sessionId: 's1', reason: 'ended' })
        .thenThrows('SESSION_NOT_FOUND');
    });
  });
});
