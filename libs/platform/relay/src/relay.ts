import type { EventPublisher } from '@gatehouse/bus';
import type { StoredEvent } from '@gatehouse/contracts';
import { type EventStore, START, tailAll } from '@gatehouse/event-store';

export interface RelayOptions {
  readonly store: EventStore;
  readonly publisher: EventPublisher;
  /** Name of the durable checkpoint; one per relay deployment. */
  readonly checkpointName: string;
  readonly signal: AbortSignal;
  /**
   * Embedded mode keeps its read models in memory, so its relay starts from the beginning on every
   * launch and has nothing to persist; a distributed relay resumes from its stored checkpoint.
   */
  readonly durableCheckpoint?: boolean;
  readonly batchSize?: number;
  /**
   * The least time between two reads (default 10 ms; tailAll's pollMs): the appends of that time go out as
   * one batch. The distributed relay lingers longer (RELAY_LINGER_MS), as each batch wakes several processes.
   */
  readonly pollMs?: number;
  /** After each batch is published and checkpointed. */
  readonly onBatch?: (batch: readonly StoredEvent[], checkpoint: string) => void;
}

/**
 * Append first, publish after: follows the store's global order and publishes each batch, then — only
 * after the bus acknowledged it — commits the checkpoint. A crash between the two republishes the batch
 * (at-least-once); consumers dedupe by stream position. Nothing is ever skipped. A batch's checkpoint is
 * saved while the next batch is published, not before: a round trip to the store per batch was an eighth
 * of a backlog's drain time. Saves stay in order (each waits for the one before), a failed save stops the
 * relay at the next batch, and the last save is waited for before the relay returns.
 */
export async function runRelay(options: RelayOptions): Promise<void> {
  const durable = options.durableCheckpoint ?? true;
  const from = durable ? await options.store.loadCheckpoint(options.checkpointName) : START;
  let saving: Promise<void> = Promise.resolve();
  const save = async (batch: readonly StoredEvent[], checkpoint: string) => {
    if (durable) await options.store.saveCheckpoint(options.checkpointName, checkpoint);
    options.onBatch?.(batch, checkpoint);
  };
  try {
    await tailAll(
      options.store,
      { from, batchSize: options.batchSize ?? 500, pollMs: options.pollMs ?? 10, signal: options.signal },
      async (batch) => {
        await options.publisher.publish(batch);
        await saving;
        saving = save(batch, batch[batch.length - 1].checkpoint);
        // Awaited with the next batch or on the way out; handled here so it is never an unhandled rejection.
        saving.catch(() => undefined);
      },
    );
  } finally {
    await saving;
  }
}
