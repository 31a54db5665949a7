import type { StoredEvent } from '@gatehouse/contracts';
import type { EventStore } from './event-store.port';
import { sleep } from './sleep';

export interface TailOptions {
  readonly from: string;
  readonly batchSize?: number;
  /** Idle wait between polls when the store has nothing new. */
  readonly pollMs?: number;
  readonly signal: AbortSignal;
}

/**
 * Follows the store's global order from a checkpoint, one batch at a time, until aborted.
 * The handler's promise must settle before the next batch is handed over: that is what lets a caller
 * commit its checkpoint only after the batch is safely handled. After a full batch the next one is read
 * while the handler works (reading has no effects), so a backlog drains at the pace of the slower of
 * the two instead of their sum.
 */
export async function tailAll(
  store: EventStore,
  options: TailOptions,
  handle: (batch: StoredEvent[]) => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 20;
  const read = (after: string) => store.readAll({ after, maxCount: batchSize });
  let checkpoint = options.from;
  let next: Promise<StoredEvent[]> | undefined;
  try {
    while (!options.signal.aborted) {
      const batch = await (next ?? read(checkpoint));
      next = undefined;
      if (batch.length === 0) {
        await sleep(pollMs, options.signal);
        continue;
      }
      const last = batch[batch.length - 1].checkpoint;
      if (batch.length === batchSize) {
        next = read(last);
        // Handled here so a failure while the handler still works is not an unhandled rejection; it is
        // still thrown where the batch is awaited.
        next.catch(() => undefined);
      }
      await handle(batch);
      checkpoint = last;
      if (batch.length < batchSize) await sleep(pollMs, options.signal);
    }
  } finally {
    // A read started ahead of a failed handler or an abort is not wanted; its outcome is not either.
    await next?.catch(() => undefined);
  }
}
