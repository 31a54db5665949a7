import type { StoredEvent } from '@gatehouse/contracts';
import { type EventStore, START } from '@gatehouse/event-store';

export interface UnpublishedReport {
  /** Events at or before the relay's checkpoint, in global order. */
  readonly checked: number;
  /** Those of them the bus does not hold. */
  readonly missing: StoredEvent[];
  /** False when the checkpoint was not met in the store: every event was checked. */
  readonly checkpointFound: boolean;
}

/**
 * Events the relay has passed (its checkpoint is at or after them in the store's global order) but the
 * bus does not hold: what a relay that skipped events left behind. Adapter-agnostic: it walks the global
 * order from the start until it meets the checkpoint itself, so it never compares checkpoints.
 */
export async function findUnpublished(
  store: EventStore,
  checkpoint: string,
  isPublished: (event: StoredEvent) => boolean,
  batchSize = 1000,
): Promise<UnpublishedReport> {
  const missing: StoredEvent[] = [];
  let checked = 0;
  if (checkpoint === START) return { checked, missing, checkpointFound: true };
  let after = START;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: batchSize });
    if (batch.length === 0) return { checked, missing, checkpointFound: false };
    for (const event of batch) {
      checked++;
      if (!isPublished(event)) missing.push(event);
      if (event.checkpoint === checkpoint) return { checked, missing, checkpointFound: true };
    }
    after = batch[batch.length - 1].checkpoint;
  }
}
