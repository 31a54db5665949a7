import type { DomainEvent, NewEvent } from '@gatehouse/contracts';
import { type Decider, fold } from '@gatehouse/domain-kit';
import { v7 as uuidv7 } from 'uuid';
import { type EventStore, NO_STREAM, WrongExpectedVersion } from './event-store.port';
import type { StateCache } from './state-cache';
import { withStreamLock } from './stream-lock';

/** Who asks, on whose behalf, and why: stamped on every event a command produces. */
export interface CommandContext {
  readonly accountId: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  /** The W3C trace context of the request, when it came from one. */
  readonly traceparent?: string;
  readonly now: Date;
}

export interface HandleOptions {
  /** The version the client last saw (If-Match); a mismatch is a conflict, never retried. */
  readonly expectedVersion?: number;
  /** Re-reads and re-decides after a concurrent write, when the client named no version. */
  readonly retries?: number;
  /** Loads through a cache of folded states (for long streams) instead of reading the whole stream. */
  readonly cache?: StateCache;
}

export interface Handled<State> {
  readonly state: State;
  readonly version: number;
  readonly events: readonly NewEvent[];
}

export async function loadState<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
): Promise<{ state: State; version: number }> {
  const stored = await store.readStream(streamId);
  const state = fold(decider.evolve, decider.initialState(), stored as unknown as Event[]);
  return { state, version: stored.length - 1 };
}

/**
 * The one place a command meets the store: load, fold, decide, append with the version read. Commands
 * on one stream queue within the process; a conflict with another process is re-decided after a
 * jittered pause (unless the client pinned a version with If-Match).
 */
export function handleCommand<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
  options: HandleOptions = {},
): Promise<Handled<State>> {
  return withStreamLock(store, streamId, () =>
    decideAndAppend(store, streamId, decider, command, context, options),
  );
}

async function decideAndAppend<Command, State, Event extends DomainEvent>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  context: CommandContext,
  options: HandleOptions,
): Promise<Handled<State>> {
  const attempts = options.expectedVersion === undefined ? (options.retries ?? 3) + 1 : 1;
  const { cache } = options;
  for (let attempt = 1; ; attempt++) {
    // A first try may decide on the request's earlier read of the stream (its authentication's, or a
    // read-ahead): a write since then fails the append and the retry reads again. A pinned version has no
    // retry, so it is checked against a read begun now.
    const since = attempt === 1 && options.expectedVersion === undefined ? 'request' : 'asked';
    const { state, version } = cache
      ? await cache.load(streamId, decider, since)
      : await loadState(store, streamId, decider);
    // Decide first: a rule that hides the stream (another tenant's user) must win over "stale version".
    const decided = decider.decide(command, state);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new WrongExpectedVersion(streamId, options.expectedVersion, version);
    }
    if (decided.length === 0) return { state, version, events: [] };
    const newEvents = decided.map((event) => toNewEvent(event, context));
    try {
      const result = await store
        .append(streamId, newEvents, version < 0 ? NO_STREAM : version)
        .finally(() => cache?.wrote(streamId));
      return {
        state: fold(decider.evolve, state, decided),
        version: result.nextExpectedVersion,
        events: newEvents,
      };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

export function toNewEvent(event: DomainEvent, context: CommandContext, schemaVersion = 1): NewEvent {
  return {
    eventId: uuidv7(),
    type: event.type,
    schemaVersion,
    accountId: context.accountId,
    occurredAt: context.now.toISOString(),
    actor: context.actor,
    correlationId: context.correlationId,
    causationId: context.causationId,
    ...(context.traceparent === undefined ? {} : { traceparent: context.traceparent }),
    data: event.data,
  };
}
