import type { AccountEvent, SessionPolicy } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';

/** Every account starts with these: 30 minutes without a request, or 12 hours after login, end a session. */
export const defaultSessionPolicy: SessionPolicy = { idleTimeoutMinutes: 30, absoluteLifetimeMinutes: 720 };

/**
 * The session policy of an account, from the users context's account stream, so every service judges a
 * session's age by the setting in force now, without the users context's decider.
 */
export const sessionPolicyView: View<SessionPolicy, AccountEvent> = {
  initialState: () => defaultSessionPolicy,
  evolve: (policy, event) =>
    event.type === 'AccountSettingsChanged' && event.data.changes.sessions
      ? event.data.changes.sessions.to
      : policy,
};

/** What the edge knows of an open session: when it started (absent before sessions could end by themselves). */
export interface SessionClock {
  readonly startedAt: string | undefined;
  /** The last request seen in it, to the minute (see SessionActivity), or null when none was recorded. */
  readonly lastSeenAt: string | null;
}

export type SessionVerdict = 'live' | 'idle' | 'expired';

/**
 * A session is judged at each request: past its absolute lifetime it has expired, past the idle timeout
 * since its last request (or its start, before any) it is idle; a session without a start time predates
 * the policy and counts as expired, so no session lives forever.
 */
export function sessionVerdict(session: SessionClock, policy: SessionPolicy, now: Date): SessionVerdict {
  const started = session.startedAt === undefined ? Number.NaN : Date.parse(session.startedAt);
  if (Number.isNaN(started) || now.getTime() - started >= minutes(policy.absoluteLifetimeMinutes))
    return 'expired';
  const lastSeen = session.lastSeenAt === null ? started : Math.max(started, Date.parse(session.lastSeenAt));
  return now.getTime() - lastSeen >= minutes(policy.idleTimeoutMinutes) ? 'idle' : 'live';
}

const minutes = (count: number): number => count * 60_000;
