import { NO_STREAM, START } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { newTestEvent } from './new-test-event';
import { startReaction } from './reaction';

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('a reaction from a durable checkpoint', () => {
  it('retries a batch that failed, without moving its checkpoint, until it passes', async () => {
    const store = new InMemoryEventStore();
    await store.append('s-1', [newTestEvent(), newTestEvent()], NO_STREAM);
    const seen: string[] = [];
    const retries: number[] = [];
    let failuresLeft = 2;
    const stop = new AbortController();
    const { running } = await startReaction(
      store,
      {
        checkpoint: 'reaction:test',
        firstRun: 'from-start',
        signal: stop.signal,
        onRetry: (_error, attempt) => retries.push(attempt),
      },
      async (event) => {
        if (event.streamPosition === 1 && failuresLeft-- > 0) {
          expect(await store.loadCheckpoint('reaction:test')).toBe(START);
          throw new Error('smtp down');
        }
        seen.push(`${event.streamPosition}`);
      },
    );
    await until(() => seen.length >= 4);
    stop.abort();
    await running;
    // The whole batch is repeated: reactions are idempotent, so the first event's second run is harmless.
    expect(seen).toEqual(['0', '0', '0', '1']);
    expect(retries).toEqual([1, 2]);
    const [last] = (await store.readAll({ after: START, maxCount: 10 })).slice(-1);
    expect(await store.loadCheckpoint('reaction:test')).toBe(last.checkpoint);
  });

  it('starts after the stored history on its first run when asked to', async () => {
    const store = new InMemoryEventStore();
    await store.append('s-1', [newTestEvent()], NO_STREAM);
    const seen: number[] = [];
    const stop = new AbortController();
    const options = { checkpoint: 'reaction:test', firstRun: 'after-history', signal: stop.signal } as const;
    const { running } = await startReaction(store, options, async (event) => {
      seen.push(event.streamPosition);
    });
    await store.append('s-1', [newTestEvent()], 0);
    await until(() => seen.length >= 1);
    stop.abort();
    await running;
    expect(seen).toEqual([1]);
  });
});
