/**
 * Wraps a batch handler so that the batches handed to it in one turn of the event loop are handled as one:
 * the partitions of one Kafka fetch, which the consumer hands over side by side, then cost one generation
 * read and one Redis pipeline per read model rather than one per partition. Each caller's promise settles
 * with the combined call, so a failure fails (and retries) every batch of the turn. Batches keep their order
 * within the combined one, so each stream's events stay in order.
 */
export function batchesOfATurn<T>(
  handle: (items: readonly T[]) => Promise<void>,
): (items: readonly T[]) => Promise<void> {
  let gathering: { readonly items: T[]; readonly handled: Promise<void> } | null = null;
  return (items) => {
    if (gathering) {
      gathering.items.push(...items);
      return gathering.handled;
    }
    const turn: T[] = [...items];
    const handled = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Batches handed over from here on belong to the next turn's call.
      gathering = null;
      return handle(turn);
    });
    gathering = { items: turn, handled };
    return handled;
  };
}
