import { noticeNamesOf, type StoredEvent } from '@gatehouse/contracts';
import { type EventStore, type Lease, START } from './event-store.port';
import { reactByStream } from './react-by-stream';
import { sleep } from './sleep';
import { tailAll } from './tail-all';

export interface ReactionOptions {
  /** Name of the durable checkpoint, e.g. `reaction:user-emails`. */
  readonly checkpoint: string;
  /**
   * Where a store that never ran this reaction starts: at the first event, or after those already stored
   * (for a reaction that earlier versions did inline, so history needs nothing more).
   */
  readonly firstRun: 'from-start' | 'after-history';
  /**
   * What calls for `react`: event types, or kinds of event that contracts' noticeNamesOf names (such as
   * `UserCreated.withRoles`). Every other event is passed over without calling it, and an idle reaction is
   * not woken by their appends alone (tailAll): the one declaration filters and spares the wake-ups.
   */
  readonly types: readonly string[];
  /**
   * How many streams' events of a batch `react` handles at once (default 1); one stream's events are
   * always handled one after another, in order. The batch is checkpointed once all are handled.
   */
  readonly concurrency?: number;
  /**
   * The least time between two reads that notices woke (tailAll's `pollMs`, default 20): a burst of appends
   * gathered into one read. Lower for a reaction that a request waits for.
   */
  readonly pollMs?: number;
  readonly signal: AbortSignal;
  /** Told of a batch that failed and will be retried (the checkpoint did not move). */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * `pollMs` of a reaction that a request waits for (a create answers once its user's roles are granted):
 * the reaction reads again 2 ms after its last read instead of 20 when a notice wakes it.
 */
export const AWAITED_POLL_MS = 2;

/**
 * How long a reaction that only passes events over may leave its stored checkpoint behind: a crash then
 * reads those events again and passes them over again, which costs a read, not a repeated effect.
 */
export const PASSED_OVER_SAVE_MS = 10_000;

/**
 * Runs a side effect for every stored event it handles, in the global order, from a durable
 * checkpoint saved only after a batch is handled: a crash anywhere repeats the batch, never skips it, so
 * `react` must be idempotent (an idempotency key, or a decision that appends nothing the second time). A
 * batch in which it reacted to something is checkpointed at once; one it only passed over is checkpointed
 * with a later batch, at most `PASSED_OVER_SAVE_MS` after the last save, and when it stops: a save per
 * batch of other contexts' events was most of a reaction's writes to the store. A batch that throws is
 * retried with backoff until it passes or the signal aborts; the reaction itself decides which failures
 * are permanent (log and return) and which are worth retrying (throw). Resolves once the starting point
 * is fixed (events stored from then on are reacted to); `running` ends on abort.
 */
export async function startReaction(
  store: EventStore,
  options: ReactionOptions,
  react: (event: StoredEvent) => Promise<void>,
): Promise<{ readonly running: Promise<void> }> {
  const from = await startingPoint(store, options);
  return { running: follow(store, from, options, react) };
}

async function follow(
  store: EventStore,
  start: string,
  options: ReactionOptions,
  react: (event: StoredEvent) => Promise<void>,
): Promise<void> {
  const { checkpoint, signal } = options;
  // Every event up to `from` was reacted to or passed over; `saved` is what a restart would start from.
  let from = start;
  let saved = start;
  let savedAt = performance.now();
  let failures = 0;
  const save = async (): Promise<void> => {
    const at = from;
    await store.saveCheckpoint(checkpoint, at);
    saved = at;
    savedAt = performance.now();
  };
  const types = new Set(options.types);
  try {
    while (!signal.aborted) {
      try {
        await tailAll(store, { from, signal, types, pollMs: options.pollMs }, async (batch) => {
          const due = batch.filter((event) => noticeNamesOf(event).some((name) => types.has(name)));
          await reactByStream(due, react, options.concurrency ?? 1);
          from = batch[batch.length - 1].checkpoint;
          failures = 0;
          if (due.length > 0 || performance.now() - savedAt >= PASSED_OVER_SAVE_MS) await save();
        });
      } catch (error) {
        if (signal.aborted) return;
        options.onRetry?.(error, ++failures);
        await sleep(Math.min(30_000, 100 * 2 ** Math.min(failures, 9)), signal);
      }
    }
  } finally {
    // Passed-over events are not read again after a clean stop; should this save fail, they are.
    if (from !== saved) await save().catch(() => undefined);
  }
}

async function startingPoint(store: EventStore, options: ReactionOptions): Promise<string> {
  const saved = await store.loadCheckpoint(options.checkpoint);
  if (saved !== START || options.firstRun === 'from-start') return saved;
  let end = START;
  for (;;) {
    const batch = await store.readAll({ after: end, maxCount: 1000 });
    if (batch.length === 0) break;
    end = batch[batch.length - 1].checkpoint;
  }
  if (end !== START) await store.saveCheckpoint(options.checkpoint, end);
  return end;
}

/** How often a process that does not lead a reaction asks for it again. */
const LEADERSHIP_POLL_MS = 500;

/**
 * A reaction as a long-running part of a service: started when the application has bootstrapped, stopped
 * (and waited for) at shutdown. Of the processes sharing a store only the one leading the reaction (named
 * by its checkpoint, `EventStore.tryLead`) runs it, so two instances of a service never both send an
 * email; the others ask every 500 ms and take over from the checkpoint when the leader's session ends. A
 * batch the old leader was in the middle of runs again, which the reaction's idempotency absorbs. The
 * method names are Nest's lifecycle hooks, so a subclass marked `@Injectable()` runs on its own; nothing
 * here depends on Nest.
 */
export abstract class Reaction {
  private readonly stop = new AbortController();
  private running?: Promise<void>;
  private leading?: AbortSignal;

  protected constructor(
    protected readonly store: EventStore,
    private readonly options: Pick<
      ReactionOptions,
      'checkpoint' | 'firstRun' | 'types' | 'concurrency' | 'pollMs'
    > & {
      readonly warn: (message: string) => void;
      /** Told when this process starts leading the reaction. */
      readonly info?: (message: string) => void;
    },
  ) {}

  protected abstract react(event: StoredEvent): Promise<void>;

  /**
   * Work that only the leader may do beside following the events (retrying what an operator asked to
   * retry): runs from when this process starts leading until `signal` aborts (leadership lost, shutdown).
   */
  protected async whileLeading(_signal: AbortSignal): Promise<void> {
    return undefined;
  }

  /** Aborted at shutdown or when leadership is lost: waits (sleeps, retries) end early when it fires. */
  protected get signal(): AbortSignal {
    return this.leading ?? this.stop.signal;
  }

  /** Resolves once this process leads and fixed its starting point, or knows another process leads. */
  async onApplicationBootstrap(): Promise<void> {
    const lease = await this.store.tryLead(this.options.checkpoint);
    const first = lease ? await this.follow(lease) : undefined;
    this.running = this.keepLeading(first?.running);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  private async keepLeading(first: Promise<void> | undefined): Promise<void> {
    await first;
    while (!this.stop.signal.aborted) {
      try {
        const lease = await this.store.tryLead(this.options.checkpoint);
        if (lease) await (await this.follow(lease)).running;
        else await sleep(LEADERSHIP_POLL_MS, this.stop.signal);
      } catch (error) {
        this.options.warn(`leadership: ${error instanceof Error ? error.message : error}`);
        await sleep(LEADERSHIP_POLL_MS, this.stop.signal);
      }
    }
  }

  /** Runs the reaction while the lease holds; `running` ends (lease released) when it stops. */
  private async follow(lease: Lease): Promise<{ readonly running: Promise<void> }> {
    const { warn, info, ...reaction } = this.options;
    const onRetry = (error: unknown, attempt: number): void =>
      warn(`retrying (attempt ${attempt}): ${error instanceof Error ? error.message : error}`);
    const signal = AbortSignal.any([this.stop.signal, lease.lost]);
    info?.(`leading ${reaction.checkpoint}`);
    this.leading = signal;
    try {
      const { running } = await startReaction(this.store, { ...reaction, signal, onRetry }, (event) =>
        this.react(event),
      );
      const beside = this.whileLeading(signal).catch((error: unknown) => {
        warn(`stopped beside the reaction: ${error instanceof Error ? error.message : error}`);
      });
      return {
        running: Promise.all([running, beside])
          .then(() => undefined)
          .finally(() => lease.release().catch(() => undefined)),
      };
    } catch (error) {
      await lease.release().catch(() => undefined);
      throw error;
    }
  }
}
