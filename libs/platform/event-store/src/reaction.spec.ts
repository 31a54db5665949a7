import { type StoredEvent, UserCreatedNotices } from '@gatehouse/contracts';
import { NO_STREAM, START } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { newTestEvent } from './new-test-event';
import { startReaction } from './reaction';

/** Test events are all `Happened`; this one is of a type the reactions below do not handle. */
const reactsTo = ['Happened'];
const unrelated = () => ({ ...newTestEvent(), type: 'Unrelated' });

const until = async (done: () => boolean | Promise<boolean>) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 5));
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
        types: reactsTo,
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
    const options = {
      ...{ checkpoint: 'reaction:test', firstRun: 'after-history' as const, types: reactsTo },
      signal: stop.signal,
    };
    const { running } = await startReaction(store, options, async (event) => {
      seen.push(event.streamPosition);
    });
    await store.append('s-1', [newTestEvent()], 0);
    await until(() => seen.length >= 1);
    stop.abort();
    await running;
    expect(seen).toEqual([1]);
  });

  it('reacts only to the kind of event it names, passing over the rest of that type', async () => {
    const store = new InMemoryEventStore();
    const created = (roles: string[]) => ({
      ...newTestEvent(),
      type: 'UserCreated',
      data: { userId: 'u', accountId: 'a', roles },
    });
    await store.append('user-1', [created([])], NO_STREAM);
    await store.append('user-2', [created(['developer'])], NO_STREAM);
    await store.append('user-3', [created([])], NO_STREAM);
    const seen: string[] = [];
    const stop = new AbortController();
    const { running } = await startReaction(
      store,
      {
        checkpoint: 'reaction:test',
        firstRun: 'from-start',
        types: [UserCreatedNotices.withRoles],
        signal: stop.signal,
      },
      async (event) => {
        seen.push(event.streamId);
      },
    );
    await store.append('user-4', [created(['owner'])], NO_STREAM);
    await until(() => seen.length >= 2);
    stop.abort();
    await running;
    expect(seen).toEqual(['user-2', 'user-4']);
  });

  describe('when events it does not handle follow one it reacted to', () => {
    async function passedOver() {
      const store = new InMemoryEventStore();
      const seen: StoredEvent[] = [];
      const stop = new AbortController();
      const options = {
        checkpoint: 'reaction:test',
        firstRun: 'from-start',
        types: reactsTo,
      } as const;
      const { running } = await startReaction(store, { ...options, signal: stop.signal }, async (event) => {
        seen.push(event);
      });
      await store.append('s-1', [newTestEvent()], NO_STREAM);
      await until(() => seen.length === 1);
      const reacted = seen[0].checkpoint;
      await until(async () => (await store.loadCheckpoint('reaction:test')) === reacted);
      // The reaction's tail has read past the unrelated events once a read handed back the last of them.
      const read = store.readAll.bind(store);
      const handedBack = new Set<string>();
      store.readAll = async (options) => {
        const batch = await read(options);
        for (const event of batch) handedBack.add(event.checkpoint);
        return batch;
      };
      await store.append('s-2', [unrelated(), unrelated()], NO_STREAM);
      const [, last] = await read({ after: reacted, maxCount: 10 });
      await until(() => handedBack.has(last.checkpoint));
      return { store, seen, stop, running, options, reacted, last };
    }

    it('passes them over without reacting, and saves its place at once only after a batch it reacted in', async () => {
      const { store, seen, stop, running, reacted, last } = await passedOver();
      expect(await store.loadCheckpoint('reaction:test')).toBe(reacted);
      stop.abort();
      await running;
      expect(seen).toHaveLength(1);
      expect(await store.loadCheckpoint('reaction:test')).toBe(last.checkpoint);
    });

    it('after a crash with its place not yet saved, reads them again and reacts to what follows, once', async () => {
      const { store, seen, stop, running, options, reacted } = await passedOver();
      // A crash: the process ends before it could save again.
      store.saveCheckpoint = async () => undefined;
      stop.abort();
      await running;
      expect(await store.loadCheckpoint('reaction:test')).toBe(reacted);
      const restart = new AbortController();
      const again: StoredEvent[] = [];
      const next = await startReaction(store, { ...options, signal: restart.signal }, async (event) => {
        again.push(event);
      });
      const later = newTestEvent();
      await store.append('s-3', [later], NO_STREAM);
      await until(() => again.length === 1);
      restart.abort();
      await next.running;
      expect(seen.map((event) => event.streamId)).toEqual(['s-1']);
      expect(again.map((event) => event.eventId)).toEqual([later.eventId]);
    });
  });
});
