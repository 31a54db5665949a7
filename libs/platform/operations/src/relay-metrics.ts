import type { StoredEvent } from '@gatehouse/contracts';
import type { Metrics } from './metrics';

/** The relay's onBatch: events published, and how old the newest of them was when it went out. */
export const recordRelayBatch =
  (metrics: Metrics) =>
  (batch: readonly StoredEvent[]): void => {
    metrics.eventsPublished.inc(batch.length);
    const newest = batch[batch.length - 1];
    metrics.relayLag.set(Math.max(0, (Date.now() - Date.parse(newest.occurredAt)) / 1000));
  };
