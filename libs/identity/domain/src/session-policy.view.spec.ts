import type { AccountEvent, UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { principalUserView } from './principal-user.view';
import { defaultSessionPolicy, sessionPolicyView, sessionVerdict } from './session-policy.view';

const start = '2026-12-01T08:00:00.000Z';
const after = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
const policy = { idleTimeoutMinutes: 30, absoluteLifetimeMinutes: 720 };

describe('a session under its account policy', () => {
  describe('when no request was recorded since login', () => {
    const session = { startedAt: start, lastSeenAt: null };
    it('is live until the idle timeout has passed since login', () => {
      expect(sessionVerdict(session, policy, after(29.9))).toBe('live');
    });
    it('is idle once the idle timeout has passed since login', () => {
      expect(sessionVerdict(session, policy, after(30))).toBe('idle');
    });
  });

  describe('when requests keep coming', () => {
    it('is live while the last one is younger than the idle timeout', () => {
      const session = { startedAt: start, lastSeenAt: after(600).toISOString() };
      expect(sessionVerdict(session, policy, after(629))).toBe('live');
      expect(sessionVerdict(session, policy, after(630))).toBe('idle');
    });
    it('has expired at its absolute lifetime, however active', () => {
      const session = { startedAt: start, lastSeenAt: after(719).toISOString() };
      expect(sessionVerdict(session, policy, after(719.9))).toBe('live');
      expect(sessionVerdict(session, policy, after(720))).toBe('expired');
    });
    it('never counts a last-seen time before its start', () => {
      const session = { startedAt: start, lastSeenAt: after(-60).toISOString() };
      expect(sessionVerdict(session, policy, after(10))).toBe('live');
    });
  });

  it('has expired when it started before sessions recorded their start', () => {
    expect(sessionVerdict({ startedAt: undefined, lastSeenAt: null }, policy, after(0))).toBe('expired');
  });
});

describe('the session policy view of an account', () => {
  const created: AccountEvent = {
    type: 'AccountCreated',
    data: { accountId: 'a1', name: 'Acme', firstAdminId: 'u1' },
  };
  const shorter = { idleTimeoutMinutes: 5, absoluteLifetimeMinutes: 60 };
  const fromEvents = (events: AccountEvent[]) =>
    fold(sessionPolicyView.evolve, sessionPolicyView.initialState(), events);

  it('holds the default of 30 idle minutes and 12 hours until the account changes it', () => {
    expect(fromEvents([created])).toEqual(defaultSessionPolicy);
  });
  it('follows a change of the session policy and ignores changes of other settings', () => {
    const lockout = {
      from: { maxFailures: 5, windowMinutes: 15 },
      to: { maxFailures: 3, windowMinutes: 15 },
    };
    expect(
      fromEvents([
        created,
        {
          type: 'AccountSettingsChanged',
          data: { accountId: 'a1', changes: { sessions: { from: defaultSessionPolicy, to: shorter } } },
        },
        { type: 'AccountSettingsChanged', data: { accountId: 'a1', changes: { lockout } } },
      ]),
    ).toEqual(shorter);
  });
});

describe('the open sessions of the principal view', () => {
  const history: UserEvent[] = [
    {
      type: 'UserCreated',
      data: {
        userId: 'u1',
        accountId: 'a1',
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'ada@example.com',
        username: 'ada',
        mobile: null,
        language: 'en',
        timeZone: 'Europe/London',
      },
    },
    {
      type: 'UserLoginSucceeded',
      data: { userId: 'u1', sessionId: 's1', ip: '::1', channel: 'password', at: start, userAgent: 'curl/8' },
    },
    { type: 'UserLoginSucceeded', data: { userId: 'u1', sessionId: 's2', ip: '::1', channel: 'password' } },
  ];
  const user = fold(principalUserView.evolve, principalUserView.initialState(), history);

  it('keep when each started, from where and with which client', () => {
    if (!user.exists) throw new Error('the user must exist');
    expect(user.sessions.get('s1')).toEqual({
      sessionId: 's1',
      startedAt: start,
      ip: '::1',
      userAgent: 'curl/8',
    });
    expect(user.sessions.get('s2')?.startedAt).toBeUndefined();
  });
  it('all end when the user asks for deletion', () => {
    const requested = fold(principalUserView.evolve, user, [
      { type: 'UserDeletionRequested', data: { userId: 'u1' } },
    ]);
    expect(requested.exists && requested.sessions.size).toBe(0);
  });
});
