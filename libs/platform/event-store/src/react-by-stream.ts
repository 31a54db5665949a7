import type { StoredEvent } from '@gatehouse/contracts';

/**
 * Calls `react` for every event: with a concurrency of 1 one after another in the batch's (global) order,
 * above it up to `concurrency` streams at a time, each stream's events one after another in their order.
 * Settles only when no call runs any more: on a failure no further stream is started, and those running
 * finish first, so a retry of the batch never overlaps a call of this one. Rejects with the first failure.
 */
export async function reactByStream(
  events: readonly StoredEvent[],
  react: (event: StoredEvent) => Promise<void>,
  concurrency: number,
): Promise<void> {
  if (concurrency <= 1) {
    for (const event of events) await react(event);
    return;
  }
  const byStream = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const stream = byStream.get(event.streamId);
    if (stream) stream.push(event);
    else byStream.set(event.streamId, [event]);
  }
  const streams = [...byStream.values()];
  const failures: unknown[] = [];
  const worker = async (): Promise<void> => {
    for (let stream = streams.shift(); stream && failures.length === 0; stream = streams.shift()) {
      try {
        for (const event of stream) await react(event);
      } catch (error) {
        failures.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, streams.length) }, worker));
  if (failures.length > 0) throw failures[0];
}
