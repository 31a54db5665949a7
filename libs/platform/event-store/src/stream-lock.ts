import type { EventStore } from './event-store.port';

const tails = new WeakMap<EventStore, Map<string, Promise<unknown>>>();

/**
 * Runs commands on one stream one after another within this process. Optimistic concurrency still guards
 * against other processes; this only stops a busy stream (an account's roles) from making its own
 * writers collide and retry in a storm.
 */
export async function withStreamLock<T>(
  store: EventStore,
  streamId: string,
  work: () => Promise<T>,
): Promise<T> {
  let streams = tails.get(store);
  if (!streams) tails.set(store, (streams = new Map()));
  const previous = streams.get(streamId) ?? Promise.resolve();
  const current = previous.then(work, work);
  const settled = current.then(
    () => undefined,
    () => undefined,
  );
  streams.set(streamId, settled);
  try {
    return await current;
  } finally {
    if (streams.get(streamId) === settled) streams.delete(streamId);
  }
}
