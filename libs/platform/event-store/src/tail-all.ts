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
 * The handler's promise must settle before the next batch is read: that is what lets a caller
 * commit its checkpoint only after the batch is safely handled.
 */
export async function tailAll(
  store: EventStore,
  options: TailOptions,
  handle: (batch: StoredEvent[]) => Promise<void>,
): Promise<void> {
  let checkpoint = options.from;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 20;
  while (!options.signal.aborted) {
    const batch = await store.readAll({ after: checkpoint, maxCount: batchSize });
    if (batch.length > 0) {
      await handle(batch);
      checkpoint = batch[batch.length - 1].checkpoint;
    }
    if (batch.length < batchSize) await sleep(pollMs, options.signal);
  }
}
