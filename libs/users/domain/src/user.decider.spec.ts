import type { UserCreated, UserProfile } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { userDecider } from './user.decider';

const spec = deciderSpec(userDecider);
const profile: UserProfile = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  username: 'ada',
  mobile: null,
  language: 'en',
  timeZone: 'Europe/London',
};
const created: UserCreated = { type: 'UserCreated', data: { userId: 'u1', accountId: 'a1', ...profile } };

describe('user decider', () => {
  describe('when the user does not exist', () => {
    it('creates the user with the given profile', () => {
      spec.given([]).when({ type: 'CreateUser', userId: 'u1', accountId: 'a1', profile }).then([created]);
    });
    it('refuses to edit details of a user that does not exist', () => {
      spec
        .given([])
        .when({ type: 'UpdateUserDetails', accountId: 'a1', changes: { firstName: 'X' } })
        .thenThrows('USER_NOT_FOUND');
    });
    it('refuses a login for a user that does not exist', () => {
      spec
        .given([])
        .when({ type: 'RecordLoginSuccess', sessionId: 's1', ip: '127.0.0.1', channel: 'password' })
        .thenThrows('USER_NOT_FOUND');
    });
  });

  describe('when the user exists', () => {
    it('refuses to create it again', () => {
      spec
        .given([created])
        .when({ type: 'CreateUser', userId: 'u1', accountId: 'a1', profile })
        .thenThrows('USER_ALREADY_EXISTS');
    });
    it('records only the changed details, with previous and new values', () => {
      spec
        .given([created])
        .when({
          type: 'UpdateUserDetails',
          accountId: 'a1',
          changes: { firstName: 'Augusta', lastName: 'Lovelace', language: 'fr' },
        })
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
    it('hides the user from another account', () => {
      spec
        .given([created])
        .when({ type: 'UpdateUserDetails', accountId: 'a2', changes: { firstName: 'Eve' } })
        .thenThrows('USER_NOT_FOUND');
    });
    it('refuses an edit that changes nothing', () => {
      spec
        .given([created])
        .when({ type: 'UpdateUserDetails', accountId: 'a1', changes: { firstName: 'Ada' } })
        .thenThrows('USER_DETAILS_UNCHANGED');
    });
    it('records a successful login with its session', () => {
      spec
        .given([created])
        .when({ type: 'RecordLoginSuccess', sessionId: 's1', ip: '10.0.0.1', channel: 'password' })
        .then([
          {
            type: 'UserLoginSucceeded',
            data: { userId: 'u1', sessionId: 's1', ip: '10.0.0.1', channel: 'password' },
          },
        ]);
    });
  });

  describe('when a session is open', () => {
    const login = {
      type: 'UserLoginSucceeded' as const,
      data: { userId: 'u1', sessionId: 's1', ip: '::1', channel: 'password' as const },
    };
    it('ends it on logout', () => {
      spec
        .given([created, login])
        .when({ type: 'EndSession', sessionId: 's1' })
        .then([{ type: 'UserSessionEnded', data: { userId: 'u1', sessionId: 's1', reason: 'logout' } }]);
    });
    it('refuses to end a session that already ended', () => {
      spec
        .given([
          created,
          login,
          { type: 'UserSessionEnded', data: { userId: 'u1', sessionId: 's1', reason: 'logout' } },
        ])
        .when({ type: 'EndSession', sessionId: 's1' })
        .thenThrows('SESSION_NOT_FOUND');
    });
  });
});
