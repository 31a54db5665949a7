import type { UserEvent } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { fold } from '@gatehouse/domain-kit';
import { userDecider } from './user.decider';
import { MAX_OPEN_SESSIONS } from './user.lockout';
import { created, disabled, locked, lockout, loggedIn, policy, strongPassword } from './user.fixtures';

const spec = deciderSpec(userDecider);
const minute = (n: number) => new Date(Date.UTC(2025, 0, 1, 12, n)).toISOString();
const attempt = (at: string, passwordMatches = false) =>
  ({
    type: 'RecordLoginAttempt',
    sessionId: 's9',
    ip: '203.0.113.7',
    channel: 'password',
    at,
    passwordMatches,
    lockout,
  }) as const;
const failed = (
  at: string,
  reason: 'wrong-password' | 'locked' | 'disabled' = 'wrong-password',
): UserEvent => ({
  type: 'UserLoginFailed',
  data: { userId: 'u1', reason, ip: '203.0.113.7', channel: 'password', at },
});
const unlocked: UserEvent = { type: 'UserUnlocked', data: { userId: 'u1' } };
const resetRequested: UserEvent = {
  type: 'PasswordResetRequested',
  data: { userId: 'u1', resetId: 'r1', expiresAt: minute(60) },
};
const unlock = { type: 'UnlockUser', accountId: 'a1', resetId: 'r1', expiresAt: minute(60) } as const;
const reset = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'CompletePasswordReset',
    resetId: 'r1',
    newPassword: strongPassword,
    policy,
    now: minute(30),
    ...overrides,
  }) as const;

/** The success `attempt` records at minute 0, with what a case adds. */
const succeeded = (extra: Record<string, unknown> = {}): UserEvent =>
  ({
    type: 'UserLoginSucceeded',
    data: { userId: 'u1', sessionId: 's9', ip: '203.0.113.7', channel: 'password', at: minute(0), ...extra },
  }) as UserEvent;

describe('login attempts and lockout', () => {
  describe('when the user is active', () => {
    it('records a success with its session, address, channel and start', () => {
      spec
        .given([created])
        .when(attempt(minute(0), true))
        .then([succeeded()]);
    });
    it('records the user agent with the session, when it sent one', () => {
      spec
        .given([created])
        .when({ ...attempt(minute(0), true), userAgent: 'curl/8.5.0' })
        .then([succeeded({ userAgent: 'curl/8.5.0' })]);
    });
    it('ends the oldest session when the login would open more than the cap', () => {
      const open = Array.from({ length: MAX_OPEN_SESSIONS }, (_, n) => loggedIn(`s${n}`));
      spec
        .given([created, ...open])
        .when(attempt(minute(0), true))
        .then([succeeded({ endedSessionIds: ['s0'] })]);
    });
    it('ends no session below the cap, counting only the open ones', () => {
      const open = Array.from({ length: MAX_OPEN_SESSIONS }, (_, n) => loggedIn(`s${n}`));
      const ended: UserEvent = {
        type: 'UserSessionEnded',
        data: { userId: 'u1', sessionId: 's5', reason: 'logout' },
      };
      const [success] = userDecider.decide(
        attempt(minute(0), true),
        fold(userDecider.evolve, userDecider.initialState(), [created, ...open, ended]),
      );
      expect(success.data).not.toHaveProperty('endedSessionIds');
    });
    it('brings a history that holds more than the cap back to it in one login', () => {
      const open = Array.from({ length: MAX_OPEN_SESSIONS + 2 }, (_, n) => loggedIn(`s${n}`));
      const [success] = userDecider.decide(
        attempt(minute(0), true),
        fold(userDecider.evolve, userDecider.initialState(), [created, ...open]),
      );
      expect(success.data).toMatchObject({ endedSessionIds: ['s0', 's1', 's2'] });
    });
    it('records a wrong password with its time and no password', () => {
      spec
        .given([created])
        .when(attempt(minute(1)))
        .then([failed(minute(1))]);
    });
    it('locks on the failure that reaches the limit within the window', () => {
      const four = [1, 2, 3, 4].map((n) => failed(minute(n)));
      spec
        .given([created, ...four])
        .when(attempt(minute(5)))
        .then([failed(minute(5)), locked(minute(5), 5)]);
    });
    it('does not count failures older than the window', () => {
      const four = [0, 2, 3, 4].map((n) => failed(minute(n)));
      spec
        .given([created, ...four])
        .when(attempt(minute(15)))
        .then([failed(minute(15))]);
    });
    it('starts counting again after a successful login', () => {
      const four = [1, 2, 3, 4].map((n) => failed(minute(n)));
      spec
        .given([created, ...four, loggedIn('s1')])
        .when(attempt(minute(5)))
        .then([failed(minute(5))]);
    });
    it('follows the account setting for the limit', () => {
      spec
        .given([created, failed(minute(1))])
        .when({ ...attempt(minute(2)), lockout: { maxFailures: 2, windowMinutes: 5 } })
        .then([failed(minute(2)), locked(minute(2), 2)]);
    });
  });

  describe('when the user is locked', () => {
    it('refuses even the right password, recording why', () => {
      spec
        .given([created, locked(minute(5))])
        .when(attempt(minute(6), true))
        .then([failed(minute(6), 'locked')]);
    });
  });

  describe('when the user is disabled', () => {
    it('refuses every attempt, recording why', () => {
      spec
        .given([created, disabled])
        .when(attempt(minute(6), true))
        .then([failed(minute(6), 'disabled')]);
    });
  });

  describe('when an admin unlocks', () => {
    it('unlocks and requests a password reset, with no token in the events', () => {
      spec
        .given([created, locked(minute(5))])
        .when(unlock)
        .then([unlocked, resetRequested]);
    });
    it('refuses to unlock a user who is not locked', () => {
      spec.given([created]).when(unlock).thenThrows('USER_NOT_LOCKED');
    });
    it('refuses to unlock a disabled user, who could not receive the link', () => {
      spec
        .given([created, locked(minute(5)), disabled])
        .when(unlock)
        .thenThrows('USER_DISABLED');
    });
    it('clears the failures, so the next wrong password does not lock again', () => {
      const five = [1, 2, 3, 4, 5].map((n) => failed(minute(n)));
      spec
        .given([created, ...five, locked(minute(5)), unlocked])
        .when(attempt(minute(6)))
        .then([failed(minute(6))]);
    });
  });

  describe('when an admin sends a password reset', () => {
    const send = (resetId: string) =>
      ({ type: 'SendPasswordReset', accountId: 'a1', resetId, expiresAt: minute(60) }) as const;
    it('requests a reset, with no token in the event, and the newest link alone completes', () => {
      spec.given([created]).when(send('r1')).then([resetRequested]);
      const second: UserEvent = { ...resetRequested, data: { ...resetRequested.data, resetId: 'r2' } };
      spec.given([created, resetRequested, second]).when(reset()).thenThrows('RESET_TOKEN_INVALID');
      spec
        .given([created, resetRequested, second])
        .when(reset({ resetId: 'r2' }))
        .then([{ type: 'UserPasswordReset', data: { userId: 'u1', resetId: 'r2' } }]);
    });
    it('refuses a disabled user, who could not receive it, and a locked one, who is unlocked instead', () => {
      spec.given([created, disabled]).when(send('r1')).thenThrows('USER_DISABLED');
      spec
        .given([created, locked(minute(5))])
        .when(send('r1'))
        .thenThrows('USER_LOCKED');
    });
    it('refuses a user of another account as one that does not exist', () => {
      spec
        .given([created])
        .when({ ...send('r1'), accountId: 'a2' })
        .thenThrows('USER_NOT_FOUND');
    });
  });

  describe('when the reset is completed', () => {
    const given = [created, locked(minute(5)), unlocked, resetRequested];
    const done: UserEvent = { type: 'UserPasswordReset', data: { userId: 'u1', resetId: 'r1' } };
    it('records the reset', () => {
      spec.given(given).when(reset()).then([done]);
    });
    it('refuses a second use of the same reset', () => {
      spec
        .given([...given, done])
        .when(reset())
        .thenThrows('RESET_TOKEN_INVALID');
    });
    it('refuses a reset that is not the pending one', () => {
      spec
        .given(given)
        .when(reset({ resetId: 'r0' }))
        .thenThrows('RESET_TOKEN_INVALID');
    });
    it('refuses an expired reset as it refuses a wrong one', () => {
      spec
        .given(given)
        .when(reset({ now: minute(60) }))
        .thenThrows('RESET_TOKEN_INVALID');
    });
    it('refuses a new password that breaks the policy', () => {
      spec
        .given(given)
        .when(reset({ newPassword: 'short' }))
        .thenThrows('PASSWORD_TOO_SHORT');
    });
    it('refuses while the user is disabled or locked again', () => {
      spec
        .given([...given, disabled])
        .when(reset())
        .thenThrows('USER_DISABLED');
      spec
        .given([...given, locked(minute(20))])
        .when(reset())
        .thenThrows('USER_LOCKED');
    });
    it('clears the failure count', () => {
      const four = [21, 22, 23, 24].map((n) => failed(minute(n)));
      spec
        .given([...given, ...four, done])
        .when(attempt(minute(25)))
        .then([failed(minute(25))]);
    });
  });
});
