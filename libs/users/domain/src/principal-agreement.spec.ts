import type { UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { activeSession, principalUserView } from '@gatehouse/identity-domain';
import { userDecider } from './user.decider';
import { created, disabled, locked, loggedIn } from './user.fixtures';

/**
 * Every service authenticates with the identity lib's view of a user's stream, not with this decider:
 * over every sequence of the events that touch sessions and status, both must agree on who may act in
 * which session (a user asked to be deleted acts in none), and on whether a PIN can go to their mobile.
 */
const events: UserEvent[] = [
  loggedIn('s1'),
  loggedIn('s2'),
  { type: 'UserSessionEnded', data: { userId: 'u1', sessionId: 's1', reason: 'logout' } },
  { type: 'UserPasswordChanged', data: { userId: 'u1', keptSessionId: 's2' } },
  disabled,
  { type: 'UserEnabled', data: { userId: 'u1', status: 'active' } },
  locked('2026-12-01T00:00:00Z'),
  { type: 'UserUnlocked', data: { userId: 'u1' } },
  { type: 'UserPasswordReset', data: { userId: 'u1', resetId: 'r1' } },
  { type: 'UserDeletionRequested', data: { userId: 'u1' } },
  { type: 'UserDeletionRequestWithdrawn', data: { userId: 'u1' } },
  {
    type: 'UserContactInfoChanged',
    data: { userId: 'u1', changes: { mobile: { from: null, to: '+15550100' } } },
  },
  {
    type: 'UserContactInfoChanged',
    data: { userId: 'u1', changes: { mobile: { from: '+15550100', to: null } } },
  },
];

function* sequences(length: number): Generator<UserEvent[]> {
  if (length === 0) return yield [];
  for (const shorter of sequences(length - 1)) for (const event of events) yield [...shorter, event];
}

describe('the principal view of a user and the user decider', () => {
  it('agree on the open sessions and on whether the user may act, for every sequence of 4 events', () => {
    let checked = 0;
    for (const sequence of sequences(4)) {
      const history = [created, ...sequence];
      const user = fold(userDecider.evolve, userDecider.initialState(), history);
      const principal = fold(principalUserView.evolve, principalUserView.initialState(), history);
      if (user.status === 'none' || !principal.exists) throw new Error('the user must exist');
      expect(principal.accountId).toBe(user.accountId);
      expect(principal.hasMobile).toBe(user.profile.mobile !== null);
      for (const sessionId of ['s1', 's2']) {
        const decided = user.status === 'active' && !user.deletionRequested && user.sessions.has(sessionId);
        expect([sessionId, activeSession(principal, sessionId)]).toEqual([sessionId, decided]);
      }
      checked++;
    }
    expect(checked).toBe(events.length ** 4);
  });

  it('agree on the sessions a login past the cap ends', () => {
    const capped: UserEvent = {
      type: 'UserLoginSucceeded',
      data: { userId: 'u1', sessionId: 's3', ip: '::1', channel: 'password', endedSessionIds: ['s1'] },
    };
    const history = [created, loggedIn('s1'), loggedIn('s2'), capped];
    const user = fold(userDecider.evolve, userDecider.initialState(), history);
    const principal = fold(principalUserView.evolve, principalUserView.initialState(), history);
    if (user.status === 'none' || !principal.exists) throw new Error('the user must exist');
    expect([...user.sessions]).toEqual(['s2', 's3']);
    expect([...principal.sessions.keys()]).toEqual(['s2', 's3']);
  });

  it('know nobody before the user is created', () => {
    expect(activeSession(principalUserView.initialState(), 's1')).toBe(false);
  });
});
