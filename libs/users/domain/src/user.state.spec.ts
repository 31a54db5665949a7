import type { UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { userDecider } from './user.decider';
import type { ExistingUser } from './user.state';
import { created, disabled, locked, loggedIn } from './user.fixtures';

/** The authenticator trusts `status` and `sessions`: these prove which events end sessions. */
function stateAfter(...events: UserEvent[]): ExistingUser {
  return fold(userDecider.evolve, userDecider.initialState(), [created, ...events]) as ExistingUser;
}

describe('user state', () => {
  const twoSessions = [loggedIn('s1'), loggedIn('s2')];
  it('keeps only the session a password was changed from', () => {
    const user = stateAfter(...twoSessions, {
      type: 'UserPasswordChanged',
      data: { userId: 'u1', keptSessionId: 's2' },
    });
    expect([...user.sessions]).toEqual(['s2']);
  });
  it('ends every session when the user is disabled, and shows them disabled', () => {
    const user = stateAfter(...twoSessions, disabled);
    expect(user.sessions.size).toBe(0);
    expect(user.status).toBe('disabled');
  });
  it('ends every session when the user is locked, and shows them locked', () => {
    const user = stateAfter(...twoSessions, locked('2025-01-01T00:00:00.000Z'));
    expect(user.sessions.size).toBe(0);
    expect(user.status).toBe('locked');
  });
  it('ends every session when a password reset completes', () => {
    const user = stateAfter(...twoSessions, {
      type: 'UserPasswordReset',
      data: { userId: 'u1', resetId: 'r1' },
    });
    expect(user.sessions.size).toBe(0);
  });
  it('shows a disabled and locked user as disabled, and as locked once enabled', () => {
    const both = stateAfter(locked('2025-01-01T00:00:00.000Z'), disabled);
    expect(both.status).toBe('disabled');
    const enabled = stateAfter(locked('2025-01-01T00:00:00.000Z'), disabled, {
      type: 'UserEnabled',
      data: { userId: 'u1', status: 'locked' },
    });
    expect(enabled.status).toBe('locked');
  });
});
