import { InMemoryEventStore, NO_STREAM, START } from '@gatehouse/event-store';
import { newTestEvent } from '@gatehouse/testing';
import { findUnpublished } from './find-unpublished';

async function storeOf(count: number) {
  const store = new InMemoryEventStore();
  for (let n = 0; n < count; n++) await store.append(`user-${n}`, [newTestEvent()], NO_STREAM);
  return { store, all: await store.readAll({ after: START, maxCount: count }) };
}

describe('finding events the relay passed but the bus lacks', () => {
  it('names the events up to the checkpoint that were not published, in global order', async () => {
    const { store, all } = await storeOf(10);
    const published = new Set([0, 1, 3, 4, 6].map((n) => all[n].eventId));
    const report = await findUnpublished(store, all[6].checkpoint, (e) => published.has(e.eventId), 3);
    expect(report).toEqual({ checked: 7, missing: [all[2], all[5]], checkpointFound: true });
  });

  it('does not count events after the checkpoint, which the relay has yet to publish', async () => {
    const { store, all } = await storeOf(5);
    const report = await findUnpublished(store, all[1].checkpoint, () => true);
    expect(report).toEqual({ checked: 2, missing: [], checkpointFound: true });
  });

  it('checks nothing before the relay published anything', async () => {
    const { store } = await storeOf(3);
    expect(await findUnpublished(store, START, () => false)).toEqual({
      checked: 0,
      missing: [],
      checkpointFound: true,
    });
  });

  it('says so when the checkpoint is not in the store', async () => {
    const { store, all } = await storeOf(3);
    const report = await findUnpublished(store, '99', () => false);
    expect(report).toEqual({ checked: 3, missing: all, checkpointFound: false });
  });
});
