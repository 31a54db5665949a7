import { Injectable, Logger } from '@nestjs/common';
import { accountStreamId, type SessionPolicy } from '@gatehouse/contracts';
import { StateCache } from '@gatehouse/event-store';
import { LRUCache } from 'lru-cache';
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
/** Sessions whose last activity an instance keeps in memory. */
const REMEMBERED_SESSIONS = 10_000;
const logger = new Logger('sessions');

export interface JudgedSession {
  readonly sessionId: string;
  readonly verdict: SessionVerdict;
  readonly lastSeen: Date | null;
  readonly at: Date;
}

/** What judging a session needs besides the session: its account's policy and its last activity. */
export interface SessionFacts {
  readonly policy: SessionPolicy;
  readonly lastSeen: Date | null;
  /** The last activity is what this instance itself read or wrote under a minute ago, not the store's. */
  readonly remembered: boolean;
  readonly at: Date;
}

/**
 * Judges an open session by its account's policy as it is now (idle timeout, absolute lifetime) and
 * records a request served in it as its last activity — to the minute, so an active session is written
 * once a minute whichever instance serves it, and idleness is known to within that minute. A last
 * activity this instance read or wrote under a minute ago is reused without asking the store when it
 * makes the session live: the store's can only be as recent or more, and more recent is live too.
 */
@Injectable()
export class SessionLiveness {
  private readonly seen = new LRUCache<string, Date>({ max: REMEMBERED_SESSIONS });

  constructor(
    private readonly states: StateCache,
    private readonly activity: SessionActivity,
    private readonly clock: Clock,
  ) {}

  async judge(accountId: string, session: OpenSession): Promise<JudgedSession> {
    const at = this.clock.now();
    const [{ state: policy }, lastSeen] = await Promise.all([
      this.states.load(accountStreamId(accountId), sessionPolicyView),
      this.lastSeen(session.sessionId),
    ]);
    return this.verdict(session, { policy, lastSeen, remembered: false, at });
  }

  /** The facts judge() reads, with a recent last activity taken from memory (see judgeFrom). */
  async facts(accountId: string, sessionId: string): Promise<SessionFacts> {
    const at = this.clock.now();
    const recent = this.seen.get(sessionId);
    const remembered = recent !== undefined && at.getTime() - recent.getTime() < SEEN_EVERY_MS;
    const [{ state: policy }, lastSeen] = await Promise.all([
      this.states.load(accountStreamId(accountId), sessionPolicyView),
      remembered ? recent : this.lastSeen(sessionId),
    ]);
    return { policy, lastSeen, remembered, at };
  }

  /** Judges by facts(); a remembered last activity that does not make the session live is read again. */
  async judgeFrom(session: OpenSession, facts: SessionFacts): Promise<JudgedSession> {
    const judged = this.verdict(session, facts);
    if (judged.verdict === 'live' || !facts.remembered) return judged;
    return this.verdict(session, {
      ...facts,
      lastSeen: await this.lastSeen(session.sessionId),
      remembered: false,
    });
  }

  /** A request was served in the judged session. */
  async served({ sessionId, lastSeen, at }: JudgedSession): Promise<void> {
    if (lastSeen && at.getTime() - lastSeen.getTime() < SEEN_EVERY_MS) return;
    // A lost write only makes the session look idle a minute early; it must not fail the request.
    await this.activity.seen(sessionId, at).then(
      () => this.remember(sessionId, at),
      (error: unknown) => {
        logger.warn(`last activity of a session not recorded: ${String(error)}`);
      },
    );
  }

  private verdict(session: OpenSession, { policy, lastSeen, at }: SessionFacts): JudgedSession {
    const lastSeenAt = lastSeen?.toISOString() ?? null;
    const verdict = sessionVerdict({ startedAt: session.startedAt, lastSeenAt }, policy, at);
    return { sessionId: session.sessionId, verdict, lastSeen, at };
  }

  private async lastSeen(sessionId: string): Promise<Date | null> {
    const lastSeen = await this.activity.lastSeen(sessionId);
    if (lastSeen) this.remember(sessionId, lastSeen);
    return lastSeen;
  }

  /** Bounded: the least recently seen session is forgotten first (it is then read from the store). */
  private remember(sessionId: string, at: Date): void {
    const known = this.seen.get(sessionId);
    if (known && known.getTime() >= at.getTime()) return;
    this.seen.set(sessionId, at);
  }
}
