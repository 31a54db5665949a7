import type { DomainEvent } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { NO_STREAM } from './event-store.port';
import { InMemoryEventStore } from './in-memory-event-store';
import { newTestEvent } from './new-test-event';
import { decodeState, encodeState } from './snapshot-codec';
import { SNAPSHOT_EVERY, StateCache } from './state-cache';

interface Seen {
  readonly count: number;
  readonly ids: ReadonlySet<string>;
  readonly last: ReadonlyMap<string, { readonly at: number; readonly note?: string }>;
}

/** Folds every event it is given: what a fresh cache folded shows in `folded`. */
function countingView(snapshot?: string): View<Seen, DomainEvent> & { folded: number } {
  const view = {
    folded: 0,
    snapshot,
    initialState: (): Seen => ({ count: 0, ids: new Set(), last: new Map() }),
    evolve: (seen: Seen, event: DomainEvent): Seen => {
      view.folded++;
      const last = new Map(seen.last).set(event.type, { at: seen.count, note: undefined });
      return { count: seen.count + 1, ids: new Set([...seen.ids].slice(-3)).add(event.type), last };
    },
  };
  return view;
}

async function streamOf(store: InMemoryEventStore, length: number): Promise<string> {
  const streamId = `long-${length}-${Math.random()}`;
  let version = NO_STREAM;
  for (let done = 0; done < length; done += 100) {
    const events = Array.from({ length: Math.min(100, length - done) }, (_, n) => ({
      ...newTestEvent(),
      type: `t${(done + n) % 7}`,
    }));
    version = (await store.append(streamId, events, version)).nextExpectedVersion;
  }
  return streamId;
}

describe('a state cache of a view that takes snapshots', () => {
  it('folds a fresh stream from a saved snapshot and only the events after it', async () => {
    const store = new InMemoryEventStore();
    const streamId = await streamOf(store, SNAPSHOT_EVERY + 120);
    const first = countingView('counting.1');
    const folded = await new StateCache(store).load(streamId, first);
    expect(first.folded).toBe(SNAPSHOT_EVERY + 120);
    await store.append(streamId, [newTestEvent(), newTestEvent()], 'any');

    const fresh = countingView('counting.1');
    const restored = await new StateCache(store).load(streamId, fresh);
    expect(fresh.folded).toBe(2);
    expect(restored.version).toBe(folded.version + 2);
    const whole = countingView();
    expect(restored.state).toEqual((await new StateCache(store).load(streamId, whole)).state);
    expect(whole.folded).toBe(SNAPSHOT_EVERY + 122);
  });

  it('saves no snapshot of a view that names none, nor of a short stream', async () => {
    const store = new InMemoryEventStore();
    const long = await streamOf(store, SNAPSHOT_EVERY + 1);
    const short = await streamOf(store, SNAPSHOT_EVERY - 2);
    await new StateCache(store).load(long, countingView());
    await new StateCache(store).load(short, countingView('counting.1'));
    expect(await store.loadSnapshot(long, 'counting.1')).toBeNull();
    expect(await store.loadSnapshot(short, 'counting.1')).toBeNull();
  });

  it('reads a snapshot and the events after it in the same store call as the streams it holds', async () => {
    const store = new InMemoryEventStore();
    const streamId = await streamOf(store, SNAPSHOT_EVERY);
    await new StateCache(store).load(streamId, countingView('counting.1'));
    await store.append(streamId, [newTestEvent(), newTestEvent(), newTestEvent()], 'any');
    const cache = new StateCache(store);
    await cache.load('other', countingView());
    const calls: unknown[] = [];
    const readTails = store.readTails.bind(store);
    store.readTails = (reads) => {
      calls.push(reads);
      return readTails(reads);
    };
    const fresh = countingView('counting.1');
    const [restored] = await Promise.all([cache.load(streamId, fresh), cache.load('other', countingView())]);
    expect(calls).toEqual([
      [
        { streamId: 'other', fromPosition: 0 },
        { streamId, fromPosition: 0, snapshot: 'counting.1' },
      ],
    ]);
    expect(fresh.folded).toBe(3);
    expect(restored.state.count).toBe(SNAPSHOT_EVERY + 3);
  });

  it('folds from the first event when a snapshot cannot be decoded', async () => {
    const store = new InMemoryEventStore();
    const streamId = await streamOf(store, 10);
    await store.saveSnapshot(streamId, 'counting.1', { version: 7, state: '{not json' });
    const fresh = countingView('counting.1');
    const { state, version } = await new StateCache(store).load(streamId, fresh);
    expect({ count: state.count, version, folded: fresh.folded }).toEqual({
      count: 10,
      version: 9,
      folded: 10,
    });
  });

  it('answers the read when the snapshot cannot be saved', async () => {
    const store = new InMemoryEventStore();
    const streamId = await streamOf(store, SNAPSHOT_EVERY);
    store.saveSnapshot = () => Promise.reject(new Error('store down'));
    const { state } = await new StateCache(store).load(streamId, countingView('counting.1'));
    expect(state.count).toBe(SNAPSHOT_EVERY);
  });
});

describe('the snapshot codec', () => {
  it('brings back sets, maps and nested plain data', () => {
    const state = {
      sessions: new Map([['s1', { ip: '::1', tags: new Set(['a', 'b']) }]]),
      roles: new Set(['admin']),
      failures: ['2026-12-01T00:00:00Z'],
      pending: null,
    };
    expect(decodeState(encodeState(state))).toEqual(state);
  });
});
