import type { DomainEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { NO_STREAM } from './event-store.port';
import { newTestEvent } from './new-test-event';
import { RecordingStore } from './recording-store';
import { StateCache } from './state-cache';

/** How many events a stream has had, as a view folds them: a double-applied event shows. */
const counted: View<number, DomainEvent> = { initialState: () => 0, evolve: (count) => count + 1 };
/** The same fold under another identity: a second view of one stream. */
const alsoCounted: View<number, DomainEvent> = { initialState: () => 0, evolve: (count) => count + 1 };

describe('the state cache', () => {
  let store: RecordingStore;
  let cache: StateCache;
  beforeEach(async () => {
    store = new RecordingStore();
    cache = new StateCache(store);
    await store.append('user-1', [newTestEvent(), newTestEvent()], NO_STREAM);
    await store.append('roles-1', [newTestEvent()], NO_STREAM);
  });

  describe('when loads are asked for together', () => {
    it('catches every stream up in one read', async () => {
      const loaded = await Promise.all([
        cache.load('user-1', counted),
        cache.load('roles-1', counted),
        cache.load('user-1', alsoCounted),
      ]);
      expect(loaded).toEqual([
        { state: 2, version: 1 },
        { state: 1, version: 0 },
        { state: 2, version: 1 },
      ]);
      expect(store.calls).toEqual([
        [
          { streamId: 'user-1', fromPosition: 0 },
          { streamId: 'roles-1', fromPosition: 0 },
        ],
      ]);
    });

    it('applies each event once when one stream is asked for twice', async () => {
      await cache.load('user-1', counted);
      await store.append('user-1', [newTestEvent()], 1);
      const loaded = await Promise.all([cache.load('user-1', counted), cache.load('user-1', counted)]);
      expect(loaded).toEqual([
        { state: 3, version: 2 },
        { state: 3, version: 2 },
      ]);
    });
  });

  describe('when a stream was loaded before', () => {
    it('reads only the events after its cached version, and sees one stored since', async () => {
      await cache.load('user-1', counted);
      await store.append('user-1', [newTestEvent()], 1);
      expect(await cache.load('user-1', counted)).toEqual({ state: 3, version: 2 });
      expect(store.calls[1]).toEqual([{ streamId: 'user-1', fromPosition: 2 }]);
    });

    it('reads one stream once, from the earliest position any of its views lacks', async () => {
      await cache.load('user-1', counted);
      await Promise.all([cache.load('user-1', counted), cache.load('user-1', alsoCounted)]);
      expect(store.calls[1]).toEqual([{ streamId: 'user-1', fromPosition: 0 }]);
    });

    it('answers what it holds without a read, and nothing for a stream it never read', async () => {
      await cache.load('user-1', counted);
      expect(cache.cached('user-1', counted)).toBe(2);
      expect(cache.cached('roles-1', counted)).toBeUndefined();
      expect(store.calls).toHaveLength(1);
    });
  });

  describe('when the store fails', () => {
    it('rejects every load of the failed read', async () => {
      store.readStreams = () => Promise.reject(new Error('down'));
      const loads = [cache.load('user-1', counted), cache.load('roles-1', counted)];
      await expect(Promise.all(loads)).rejects.toThrow('down');
      await expect(loads[1]).rejects.toThrow('down');
    });
  });

  describe('when a load may be answered by a read made for its request', () => {
    let arrived: number | undefined;
    beforeEach(() => {
      arrived = undefined;
      cache = new StateCache(store, 10, () => arrived);
    });
    const arrive = () => (arrived = performance.now());

    it('is answered without a read by one begun after the request arrived', async () => {
      arrive();
      await cache.load('user-1', counted);
      expect(await cache.load('user-1', counted, 'request')).toEqual({ state: 2, version: 1 });
      expect(store.calls).toHaveLength(1);
    });

    it('reads again when the last read began before the request arrived, and sees what was stored since', async () => {
      await cache.load('user-1', counted);
      await store.append('user-1', [newTestEvent()], 1);
      arrive();
      expect(await cache.load('user-1', counted, 'request')).toEqual({ state: 3, version: 2 });
      expect(store.calls).toHaveLength(2);
    });

    it('reads again for another view of the stream, which that read did not fold', async () => {
      arrive();
      await cache.load('user-1', counted);
      expect(await cache.load('user-1', alsoCounted, 'request')).toEqual({ state: 2, version: 1 });
      expect(store.calls).toHaveLength(2);
    });

    it('reads again after this process wrote the stream, even within the request', async () => {
      arrive();
      await cache.load('user-1', counted);
      await store.append('user-1', [newTestEvent()], 1);
      cache.wrote('user-1');
      expect(await cache.load('user-1', counted, 'request')).toEqual({ state: 3, version: 2 });
      expect(store.calls).toHaveLength(2);
    });

    it('does not count a read begun before a write that ends after it', async () => {
      arrive();
      let release = () => undefined as void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const read = store.readStreams.bind(store);
      store.readStreams = async (reads) => {
        const answer = await read(reads);
        await held;
        return answer;
      };
      const before = cache.load('user-1', counted);
      await new Promise(setImmediate);
      await store.append('user-1', [newTestEvent()], 1);
      cache.wrote('user-1');
      release();
      expect(await before).toEqual({ state: 2, version: 1 });
      store.readStreams = read;
      expect(await cache.load('user-1', counted, 'request')).toEqual({ state: 3, version: 2 });
    });

    it('counts a write it no longer remembers as a write to every stream it does not remember', async () => {
      cache = new StateCache(store, 2, () => arrived);
      arrive();
      await cache.load('user-1', counted);
      for (const streamId of ['a', 'b', 'c']) cache.wrote(streamId);
      await cache.load('user-1', counted, 'request');
      expect(store.calls).toHaveLength(2);
    });

    it('reads outside a request as if asked now', async () => {
      await cache.load('user-1', counted);
      await cache.load('user-1', counted, 'request');
      expect(store.calls).toHaveLength(2);
    });
  });

  describe('when it holds more streams than it may', () => {
    it('drops the least recently loaded, and folds it again from the start when asked', async () => {
      cache = new StateCache(store, 2);
      await store.append('roles-2', [newTestEvent()], NO_STREAM);
      for (const streamId of ['user-1', 'roles-1', 'user-1', 'roles-2']) await cache.load(streamId, counted);
      expect(['user-1', 'roles-1', 'roles-2'].map((id) => cache.cached(id, counted))).toEqual([
        2,
        undefined,
        1,
      ]);
      store.calls.length = 0;
      expect(await cache.load('roles-1', counted)).toEqual({ state: 1, version: 0 });
      expect(store.calls).toEqual([[{ streamId: 'roles-1', fromPosition: 0 }]]);
    });
  });
});
