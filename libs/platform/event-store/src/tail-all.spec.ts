import type { StoredEvent } from '@gatehouse/contracts';
import { NO_STREAM, type ReadAllOptions, START } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { newTestEvent } from './new-test-event';
import { tailAll } from './tail-all';

/** Counts reads and can fail the read after a given checkpoint, to watch what tailAll asks for and when. */
class WatchedStore extends InMemoryEventStore {
  reads = 0;
  failAfter?: string;

  override async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    this.reads++;
    if (options.after === this.failAfter) throw new Error('store unreachable');
    return super.readAll(options);
  }
}

async function storeWith(events: number): Promise<WatchedStore> {
  const store = new WatchedStore();
  for (let stream = 0; stream < events; stream++)
    await store.append(`s-${stream}`, [newTestEvent()], NO_STREAM);
  return store;
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('tailAll', () => {
  describe('once idle', () => {
    /**
     * Tails `store` (pollMs 5, a 60 s notice fallback no test may lean on), recording the streams handed
     * over in `seen`, while `during` runs; then stops the tail, whether `during` passed or failed.
     */
    async function whileTailing(
      store: WatchedStore,
      options: { batchSize?: number; pollMs?: number; types?: ReadonlySet<string> },
      during: (seen: readonly string[]) => Promise<void>,
      beforeHandling: (seen: readonly string[]) => Promise<void> = async () => undefined,
    ): Promise<void> {
      const stop = new AbortController();
      const seen: string[] = [];
      const tailing = { from: START, pollMs: 5, noticeMaxMs: 60_000, ...options, signal: stop.signal };
      const tail = tailAll(store, tailing, async (batch) => {
        await beforeHandling(seen);
        seen.push(...batch.map((event) => event.streamId));
      });
      try {
        await during(seen);
      } finally {
        stop.abort();
        await tail;
      }
    }

    it('waits for the next notice, and reads on it', async () => {
      const store = await storeWith(3);
      await whileTailing(store, {}, async (seen) => {
        await until(() => seen.length === 3);
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(store.reads).toBe(1);
        await store.append('s-3', [newTestEvent()], NO_STREAM);
        await until(() => seen.length === 4);
        expect(store.reads).toBe(2);
      });
    });

    it('is woken by appends of the types it acts on, then for noticeMaxMs by any, reading all', async () => {
      const store = await storeWith(0);
      const unrelated = () => ({ ...newTestEvent(), type: 'Unrelated' });
      await whileTailing(store, { types: new Set(['Happened']) }, async (seen) => {
        await until(() => store.reads === 1);
        // Waiting by now (or not yet: the wait then finds the notice), either way not woken by it.
        await new Promise((resolve) => setTimeout(resolve, 50));
        await store.append('s-0', [unrelated()], NO_STREAM);
        await new Promise((resolve) => setTimeout(resolve, 150));
        expect(store.reads).toBe(1);
        await store.append('s-1', [newTestEvent()], NO_STREAM);
        await until(() => seen.length === 2);
        expect(store.reads).toBe(2);
        // An event of its types may be held back behind an append of others (PostgreSQL): within
        // noticeMaxMs of the last notice of its types, that append's notice wakes it too.
        await store.append('s-2', [unrelated()], NO_STREAM);
        await until(() => seen.length === 3);
        expect(seen).toEqual(['s-0', 's-1', 's-2']);
      });
    });

    it('wakes for an append made while the batch before a read-ahead is handled', async () => {
      const store = await storeWith(5);
      await whileTailing(
        store,
        { batchSize: 5 },
        async (seen) => until(() => seen.length === 6),
        async (seen) => {
          if (seen.length === 0) await store.append('s-5', [newTestEvent()], NO_STREAM);
        },
      );
    });

    it('reads a burst of appends, a notice each, in one batch gathered for pollMs', async () => {
      const store = await storeWith(0);
      await whileTailing(store, { pollMs: 500 }, async (seen) => {
        await until(() => store.reads === 1);
        for (let stream = 0; stream < 10; stream++) {
          await store.append(`s-${stream}`, [newTestEvent()], NO_STREAM);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await until(() => seen.length === 10);
        expect(store.reads).toBe(2);
      });
    });
  });

  it('hands over every event once, in global order, one batch at a time', async () => {
    const store = await storeWith(23);
    const stop = new AbortController();
    const seen: string[] = [];
    let handling = 0;
    await tailAll(store, { from: START, batchSize: 5, pollMs: 1, signal: stop.signal }, async (batch) => {
      expect(++handling).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 2));
      seen.push(...batch.map((event) => event.streamId));
      handling--;
      if (seen.length === 23) stop.abort();
    });
    expect(seen).toEqual(Array.from({ length: 23 }, (_, stream) => `s-${stream}`));
  });

  it('starts reading the next batch before it hands a full one to the handler', async () => {
    const store = await storeWith(12);
    const stop = new AbortController();
    const readsAtHandover: number[] = [];
    await tailAll(store, { from: START, batchSize: 5, pollMs: 1, signal: stop.signal }, async (batch) => {
      readsAtHandover.push(store.reads);
      if (batch[batch.length - 1].streamId === 's-11') stop.abort();
    });
    // Full batches: their own read and the one ahead. The short last batch is not read ahead of.
    expect(readsAtHandover).toEqual([2, 3, 3]);
  });

  it('fails with the handler, and a read started ahead of it neither escapes nor hides that failure', async () => {
    const store = await storeWith(10);
    const fifth = (await store.readAll({ after: START, maxCount: 5 }))[4].checkpoint;
    store.failAfter = fifth;
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const tail = tailAll(
        store,
        { from: START, batchSize: 5, signal: new AbortController().signal },
        async () => {
          await new Promise((resolve) => setTimeout(resolve, 5));
          throw new Error('handler failed');
        },
      );
      await expect(tail).rejects.toThrow('handler failed');
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('surfaces a failed read-ahead once the batch before it is handled', async () => {
    const store = await storeWith(10);
    store.failAfter = (await store.readAll({ after: START, maxCount: 5 }))[4].checkpoint;
    const handled: number[] = [];
    const tail = tailAll(
      store,
      { from: START, batchSize: 5, signal: new AbortController().signal },
      async (batch) => {
        handled.push(batch.length);
      },
    );
    await expect(tail).rejects.toThrow('store unreachable');
    expect(handled).toEqual([5]);
  });
});
