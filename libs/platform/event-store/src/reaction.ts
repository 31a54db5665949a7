import type { StoredEvent } from '@gatehouse/contracts';
import { type EventStore, START } from './event-store.port';
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
  readonly signal: AbortSignal;
  /** Told of a batch that failed and will be retried (the checkpoint did not move). */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

/**
 * Runs a side effect for every stored event, in the global order, from a durable checkpoint saved only
 * after a batch is handled: a crash anywhere repeats the batch, never skips it, so `react` must be
 * idempotent (an idempotency key, or a decision that appends nothing the second time). A batch that throws
 * is retried with backoff until it passes or the signal aborts; the reaction itself decides which
 * failures are permanent (log and return) and which are worth retrying (throw). Resolves once the
 * starting point is fixed (events stored from then on are reacted to); `running` ends on abort.
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
  let from = start;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await tailAll(store, { from, signal }, async (batch) => {
        for (const event of batch) await react(event);
        await store.saveCheckpoint(checkpoint, batch[batch.length - 1].checkpoint);
        from = batch[batch.length - 1].checkpoint;
        failures = 0;
      });
    } catch (error) {
      if (signal.aborted) return;
      options.onRetry?.(error, ++failures);
      await sleep(Math.min(30_000, 100 * 2 ** Math.min(failures, 9)), signal);
    }
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

/**
 * A reaction as a long-running part of a service: started when the application has bootstrapped, stopped
 * (and waited for) at shutdown. The method names are Nest's lifecycle hooks, so a subclass marked
 * `@Injectable()` runs on its own; nothing here depends on Nest.
 */
export abstract class Reaction {
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  protected constructor(
    protected readonly store: EventStore,
    private readonly options: Pick<ReactionOptions, 'checkpoint' | 'firstRun'> & {
      readonly warn: (message: string) => void;
    },
  ) {}

  protected abstract react(event: StoredEvent): Promise<void>;

  /** Aborted at shutdown: waits (sleeps, retries) end early when it fires. */
  protected get signal(): AbortSignal {
    return this.stop.signal;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { checkpoint, firstRun, warn } = this.options;
    const onRetry = (error: unknown, attempt: number): void =>
      warn(`retrying (attempt ${attempt}): ${error instanceof Error ? error.message : error}`);
    const options = { checkpoint, firstRun, signal: this.stop.signal, onRetry };
    this.running = (await startReaction(this.store, options, (event) => this.react(event))).running;
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }
}
