import { Injectable, Logger } from '@nestjs/common';
import { accountStreamId } from '@gatehouse/contracts';
import { StateCache } from '@gatehouse/event-store';
import {
  type OpenSession,
  sessionPolicyView,
  type SessionVerdict,
  sessionVerdict,
} from '@gatehouse/identity-domain';
import { Clock } from './clock';
import { SessionActivity } from './session-activity';

/** A session's last-seen time is written at most this often: a busy session costs one write a minute. */
const SEEN_EVERY_MS = 60_000;
const logger = new Logger('sessions');

export interface JudgedSession {
  readonly sessionId: string;
  readonly verdict: SessionVerdict;
  readonly lastSeen: Date | null;
  readonly at: Date;
}

/**
 * Judges an open session by its account's policy as it is now (idle timeout, absolute lifetime) and
 * records a request served in it as its last activity — to the minute, so an active session is written
 * once a minute whichever instance serves it, and idleness is known to within that minute.
 */
@Injectable()
export class SessionLiveness {
  constructor(
    private readonly states: StateCache,
    private readonly activity: SessionActivity,
    private readonly clock: Clock,
  ) {}

  async judge(accountId: string, session: OpenSession): Promise<JudgedSession> {
    const at = this.clock.now();
    const [{ state: policy }, lastSeen] = await Promise.all([
      this.states.load(accountStreamId(accountId), sessionPolicyView),
      this.activity.lastSeen(session.sessionId),
    ]);
    const lastSeenAt = lastSeen?.toISOString() ?? null;
    const verdict = sessionVerdict({ startedAt: session.startedAt, lastSeenAt }, policy, at);
    return { sessionId: session.sessionId, verdict, lastSeen, at };
  }

  /** A request was served in the judged session. */
  async served({ sessionId, lastSeen, at }: JudgedSession): Promise<void> {
    if (lastSeen && at.getTime() - lastSeen.getTime() < SEEN_EVERY_MS) return;
    // A lost write only makes the session look idle a minute early; it must not fail the request.
    await this.activity.seen(sessionId, at).catch((error: unknown) => {
      logger.warn(`last activity of a session not recorded: ${String(error)}`);
    });
  }
}
