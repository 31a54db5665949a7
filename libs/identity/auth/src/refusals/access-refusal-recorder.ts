import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  type ApiProtocol,
  type RefusalChannel,
  type RefusalReason,
  refusalsStreamId,
} from '@gatehouse/contracts';
import { type CommandContext, EventStore, handleCommand, StateCache } from '@gatehouse/event-store';
import { accessRefusalsDecider, refusalWindowEnd } from '@gatehouse/identity-domain';
import { currentTrace } from '@gatehouse/logging';
import { v7 as uuidv7 } from 'uuid';
import { Clock } from '../session/clock';
import { type RecordOutcome, RefusalPrefilter } from './refusal-prefilter';

/** A refusal of a known user's credential, as whoever refused it knows it: ids, never the secret. */
export interface Refusal {
  readonly userId: string;
  readonly accountId: string;
  readonly reason: RefusalReason;
  readonly channel: RefusalChannel;
  readonly ip: string;
  readonly protocol?: ApiProtocol;
  readonly keyId?: string;
  readonly sessionId?: string;
}

const logger = new Logger('access-refusals');

/**
 * Records refusals of known users on their `refusals-<userId>` stream, for admins, from whichever service
 * refused: off the request's path (the refusal's answer and its time stay what they were, and a store
 * that is down only costs a log line), one record per user and reason a minute (the pre-filter in
 * process, the decider across processes), the rest counted into the next record.
 */
@Injectable()
export class AccessRefusalRecorder implements OnModuleDestroy {
  private readonly prefilter = new RefusalPrefilter();
  private readonly writing = new Set<Promise<void>>();

  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
    private readonly clock: Clock,
  ) {}

  /** Records or counts the refusal; never throws and never waits for the store. */
  refused(refusal: Refusal): void {
    const recording = this.record(refusal);
    this.writing.add(recording);
    void recording.finally(() => this.writing.delete(recording));
  }

  /** Resolves once every refusal recorded so far has its store's answer. */
  async drained(): Promise<void> {
    while (this.writing.size > 0) await Promise.all(this.writing);
  }

  /** A record on its way when the process stops is let finish, not cut off. */
  onModuleDestroy(): Promise<void> {
    return this.drained();
  }

  private async record(refusal: Refusal): Promise<void> {
    const now = this.clock.now();
    const { userId, reason } = refusal;
    const admitted = this.prefilter.admit(userId, reason, now.getTime());
    if (!admitted) return;
    const outcome = await this.append(refusal, now, admitted.suppressed);
    this.prefilter.settle(userId, reason, admitted.suppressed, outcome, this.clock.now().getTime());
  }

  private async append(refusal: Refusal, now: Date, suppressed: number): Promise<RecordOutcome> {
    const { userId, accountId, reason, channel, ip } = refusal;
    try {
      const handled = await handleCommand(
        this.store,
        refusalsStreamId(userId),
        accessRefusalsDecider,
        {
          type: 'RecordRefusal',
          refusal: {
            userId,
            reason,
            channel,
            protocol: refusal.protocol ?? null,
            ip,
            keyId: refusal.keyId ?? null,
            sessionId: refusal.sessionId ?? null,
            at: now.toISOString(),
            suppressed,
          },
        },
        contextOf(accountId, userId, now),
        { cache: this.states },
      );
      if (handled.events.length > 0) return { kind: 'recorded', at: now.getTime() };
      return { kind: 'suppressed', until: refusalWindowEnd(handled.state, reason) ?? now.getTime() };
    } catch (error) {
      logger.error(`a refusal (${reason}, ${channel}) of user ${userId} was not recorded: ${String(error)}`);
      return { kind: 'failed' };
    }
  }
}

/** The refused caller claims to be the user: the record is theirs, traced to the refused request. */
function contextOf(accountId: string, userId: string, now: Date): CommandContext {
  const trace = currentTrace();
  const request = trace && 'requestId' in trace ? trace : undefined;
  return {
    accountId,
    actor: userId,
    correlationId: request?.requestId ?? uuidv7(),
    causationId: null,
    ...(request ? { traceparent: request.traceparent } : {}),
    now,
  };
}
