import DataLoader from 'dataloader';

/**
 * Wraps a batch handler so that the batches handed to it in one turn of the event loop are handled as one:
 * the partitions of one Kafka fetch, which the consumer hands over side by side, then cost one generation
 * read and one Redis pipeline per read model rather than one per partition. Each caller's promise settles
 * with the combined call, so a failure fails (and retries) every batch of the turn. Batches keep their
 * order within the combined one, so each stream's events stay in order. A DataLoader (as the delivery log
 * uses for its lookups), dispatched at `setImmediate` so that batches handed over in later microtasks of
 * the turn join.
 */
export function batchesOfATurn<T>(
  handle: (items: readonly T[]) => Promise<void>,
): (items: readonly T[]) => Promise<void> {
  const turns = new DataLoader<readonly T[], void>(
    async (batches) => {
      await handle(batches.flat() as T[]);
      return batches.map(() => undefined);
    },
    { cache: false, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
  return (items) => turns.load(items);
}
