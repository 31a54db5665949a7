import type { DomainEvent, NewEvent } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { type EventStore, NO_STREAM, type StreamAppend, WrongExpectedVersion } from './event-store.port';
import { type CommandContext, toNewEvent } from './handle-command';
import { StateCache } from './state-cache';
import { withStreamLock } from './stream-lock';

/** One command on one stream, decided together with others and appended atomically with them. */
export interface CommandStep {
  readonly streamId: string;
  /**
   * `reader` reads the streams of every step of one try together (one round trip), from scratch;
   * `attempt` counts the tries from 1.
   */
  prepare(
    store: EventStore,
    context: CommandContext,
    reader: StateCache,
    attempt: number,
  ): Promise<{ version: number; events: NewEvent[] }>;
  /** Told once its events are appended. */
  written?(): void;
}

export interface StepOptions {
  /** The process's state cache, read through instead of the try's own reader and told of the write. */
  readonly cache?: StateCache;
  /**
   * What the first try decides on, where reading again is waste; a later try reads, as after any
   * conflict, because a stale first decision fails its append:
   * - `request`: the cache's state when it was read since the request arrived (read ahead with the
   *   request's authentication);
   * - `new`: no read, the stream's initial state, for a stream under an id the caller has just made.
   */
  readonly firstTry?: 'request' | 'new';
}

export function step<Command, State, Event extends DomainEvent>(
  streamId: string,
  decider: Decider<Command, State, Event>,
  command: Command,
  options: StepOptions = {},
): CommandStep {
  const { cache, firstTry } = options;
  const load = (reader: StateCache, attempt: number) => {
    if (attempt === 1 && firstTry === 'new') return { state: decider.initialState(), version: -1 };
    return (cache ?? reader).load(
      streamId,
      decider,
      attempt === 1 && firstTry === 'request' ? 'request' : 'asked',
    );
  };
  return {
    streamId,
    async prepare(_store, context, reader, attempt) {
      const { state, version } = await load(reader, attempt);
      return { version, events: decider.decide(command, state).map((event) => toNewEvent(event, context)) };
    },
    written: () => cache?.wrote(streamId),
  };
}

/**
 * Several commands on several streams as one unit: every decision is taken on the state it read, and
 * all resulting events are appended in one atomic, all-or-nothing write (one commit). A rule broken on
 * any stream writes nothing anywhere; a concurrent write to any stream re-decides them all.
 */
export async function handleCommands(
  store: EventStore,
  steps: readonly CommandStep[],
  context: CommandContext,
  retries = 10,
): Promise<Map<string, number>> {
  const locked = [...new Set(steps.map((one) => one.streamId))].sort();
  const run = () => decideAll(store, steps, context, retries);
  const withLocks = locked.reduceRight<() => Promise<Map<string, number>>>(
    (inner, streamId) => () => withStreamLock(store, streamId, inner),
    run,
  );
  return withLocks();
}

async function decideAll(
  store: EventStore,
  steps: readonly CommandStep[],
  context: CommandContext,
  retries: number,
): Promise<Map<string, number>> {
  for (let attempt = 1; ; attempt++) {
    const prepared = await prepareAll(store, steps, context, attempt);
    // Every stream read is appended to, with its events or none: a decision that rested on a stream's
    // state (the actor is an admin) fails if that stream moved meanwhile, even when it writes nothing there.
    const appends: StreamAppend[] = steps.map((one, index) => ({
      streamId: one.streamId,
      events: prepared[index].events,
      expectedVersion: prepared[index].version < 0 ? NO_STREAM : prepared[index].version,
    }));
    try {
      const writes = appends.some((append) => append.events.length > 0);
      const results = writes ? await store.appendMulti(appends) : [];
      steps.forEach((one, index) => {
        if (appends[index].events.length > 0) one.written?.();
      });
      const versions = new Map(steps.map((one, index) => [one.streamId, prepared[index].version]));
      results.forEach((result, index) => versions.set(appends[index].streamId, result.nextExpectedVersion));
      return versions;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion) || attempt > retries) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
    }
  }
}

/** Every step decided; a refusal is the first step's in the given order, whichever loaded first. */
async function prepareAll(
  store: EventStore,
  steps: readonly CommandStep[],
  context: CommandContext,
  attempt: number,
) {
  const reader = new StateCache(store, steps.length);
  const settled = await Promise.allSettled(steps.map((one) => one.prepare(store, context, reader, attempt)));
  const refused = settled.find((outcome) => outcome.status === 'rejected');
  if (refused) throw refused.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<Prepared>).value);
}

type Prepared = Awaited<ReturnType<CommandStep['prepare']>>;
