import { refusalsStreamId } from '@gatehouse/contracts';
import { InMemoryEventStore, StateCache } from '@gatehouse/event-store';
import { newTestEvent } from '@gatehouse/testing';
import { AccessRefusalsList } from './access-refusals.list';

async function listOf(count: number): Promise<AccessRefusalsList> {
  const store = new InMemoryEventStore();
  const events = Array.from({ length: count }, (_, n) =>
    newTestEvent({ type: 'AccessRefused', data: { userId: 'u1', reason: 'locked', suppressed: n } }),
  );
  if (count > 0) await store.append(refusalsStreamId('u1'), events, -1);
  return new AccessRefusalsList(store, new StateCache(store));
}

const positions = (page: { items: { position: number }[] }) => page.items.map((item) => item.position);

describe("a user's refusals, listed", () => {
  it('come newest first, a page at a time, until the oldest', async () => {
    const list = await listOf(5);
    const first = await list.page('u1', { limit: 2 });
    expect([positions(first), first.nextCursor]).toEqual([[4, 3], 3]);
    const second = await list.page('u1', { cursor: 3, limit: 2 });
    expect([positions(second), second.nextCursor]).toEqual([[2, 1], 1]);
    const last = await list.page('u1', { cursor: 1, limit: 2 });
    expect([positions(last), last.nextCursor]).toEqual([[0], null]);
  });

  it('carry each record with its count', async () => {
    const { items } = await (await listOf(1)).page('u1', { limit: 50 });
    expect(items).toEqual([{ position: 0, userId: 'u1', reason: 'locked', suppressed: 0 }]);
  });

  it('read a cursor past the newest as the newest', async () => {
    const page = await (await listOf(3)).page('u1', { cursor: 99, limit: 50 });
    expect([positions(page), page.nextCursor]).toEqual([[2, 1, 0], null]);
  });

  it('are none for a user never refused', async () => {
    expect(await (await listOf(0)).page('u1', { limit: 50 })).toEqual({ items: [], nextCursor: null });
  });
});
