import type { DomainEvent } from '@gatehouse/contracts';
import type { Decider } from '@gatehouse/domain-kit';
import { WrongExpectedVersion } from './event-store.port';
import { handleCommand } from './handle-command';
import { newTestEvent } from './new-test-event';
import { RecordingStore, testContext } from './recording-store';
import { StateCache } from './state-cache';

type Counted = DomainEvent<'Counted', Record<string, never>>;

/** Counts its events; each command adds one. */
const counter: Decider<'count', number, Counted> = {
  initialState: () => 0,
  decide: () => [{ type: 'Counted', data: {} }],
  evolve: (count) => count + 1,
};

const context = testContext;

describe('handling a command through the state cache, in a request', () => {
  let store: RecordingStore;
  let cache: StateCache;
  beforeEach(async () => {
    store = new RecordingStore();
    const arrived = performance.now();
    cache = new StateCache(store, 10, () => arrived);
    await store.append('count-1', [newTestEvent()], -1);
  });

  it("decides on the request's earlier read of the stream, without another", async () => {
    await cache.load('count-1', counter);
    const handled = await handleCommand(store, 'count-1', counter, 'count', context, { cache });
    expect(handled).toMatchObject({ state: 2, version: 1 });
    expect(store.calls).toHaveLength(1);
  });

  it('reads again and decides again when the stream moved since that read', async () => {
    await cache.load('count-1', counter);
    await store.append('count-1', [newTestEvent()], 0);
    const handled = await handleCommand(store, 'count-1', counter, 'count', context, { cache });
    expect(handled).toMatchObject({ state: 3, version: 2 });
    expect(store.calls).toHaveLength(2);
  });

  it('checks a version the client pinned against a read begun now', async () => {
    await cache.load('count-1', counter);
    await store.append('count-1', [newTestEvent()], 0);
    const pinned = handleCommand(store, 'count-1', counter, 'count', context, { cache, expectedVersion: 0 });
    await expect(pinned).rejects.toBeInstanceOf(WrongExpectedVersion);
    expect(store.calls).toHaveLength(2);
  });

  it('sees its own write when the request handles another command on the stream', async () => {
    await cache.load('count-1', counter);
    await handleCommand(store, 'count-1', counter, 'count', context, { cache, retries: 0 });
    const again = await handleCommand(store, 'count-1', counter, 'count', context, { cache, retries: 0 });
    expect(again).toMatchObject({ state: 3, version: 2 });
  });
});
