import type { StoredEvent } from '@gatehouse/contracts';
import {
  type EventStore,
  InvalidCheckpoint,
  NO_STREAM,
  type ReadAccountOptions,
  START,
} from '@gatehouse/event-store';
import { type EventStoreUnderTest, eventIds, newTestEvent } from './event-store.fixtures';

/**
 * readAccount page by page until `count` events came back: like readAllUntil, an empty page is asked
 * again for a while, as a store may hold events back while another test's transaction is open.
 */
async function readAccountUntil(
  store: EventStore,
  accountId: string,
  options: Omit<ReadAccountOptions, 'after'>,
  count: number,
): Promise<StoredEvent[][]> {
  const pages: StoredEvent[][] = [];
  const deadline = Date.now() + 5000;
  let after = START;
  while (pages.flat().length < count && Date.now() < deadline) {
    const page = await store.readAccount(accountId, { ...options, after });
    expect(page.length).toBeLessThanOrEqual(options.maxCount);
    if (page.length > 0) pages.push(page);
    after = page.at(-1)?.checkpoint ?? after;
  }
  return pages;
}

const at = (accountId: string, occurredAt: string) => newTestEvent({ accountId, occurredAt });

/** readAccount as the port promises it; runs inside eventStoreContract (a fresh store per test). */
export function readAccountContract(subject: () => EventStoreUnderTest, heldTransactions: boolean): void {
  describe('readAccount', () => {
    it("returns one account's events in the global order, paged by checkpoint", async () => {
      const { store } = subject();
      const [a1, b1, a2, a3, b2] = [
        at('acct-a', '2026-01-01T00:00:00.000Z'),
        at('acct-b', '2026-01-01T00:00:01.000Z'),
        at('acct-a', '2026-01-01T00:00:02.000Z'),
        at('acct-a', '2026-01-01T00:00:03.000Z'),
        at('acct-b', '2026-01-01T00:00:04.000Z'),
      ];
      await store.append('user-a1', [a1], NO_STREAM);
      await store.append('user-b1', [b1], NO_STREAM);
      await store.append('user-a2', [a2, a3], NO_STREAM);
      await store.append('user-b1', [b2], 0);
      const pages = await readAccountUntil(store, 'acct-a', { maxCount: 2 }, 3);
      expect(pages.map(eventIds)).toEqual([[a1.eventId, a2.eventId], [a3.eventId]]);
      const after = await store.readAccount('acct-a', { after: pages[1][0].checkpoint, maxCount: 2 });
      expect(after).toEqual([]);
      expect(eventIds((await readAccountUntil(store, 'acct-b', { maxCount: 10 }, 2)).flat())).toEqual([
        b1.eventId,
        b2.eventId,
      ]);
      expect(await store.readAccount('acct-none', { after: START, maxCount: 10 })).toEqual([]);
    });

    it('returns only what occurred from `since` and before `until`', async () => {
      const { store } = subject();
      const events = ['01', '02', '03', '04'].map((day) => at('acct-a', `2026-02-${day}T12:00:00.000Z`));
      await store.append('user-a', events, NO_STREAM);
      const window = { since: '2026-02-02T12:00:00.000Z', until: '2026-02-04T12:00:00.000Z', maxCount: 10 };
      const read = (await readAccountUntil(store, 'acct-a', window, 2)).flat();
      expect(eventIds(read)).toEqual([events[1].eventId, events[2].eventId]);
      expect(read[0]).toEqual((await store.readStream('user-a', { fromPosition: 1 }))[0]);
      const since = (await readAccountUntil(store, 'acct-a', { since: window.until, maxCount: 1 }, 1)).flat();
      expect(eventIds(since)).toEqual([events[3].eventId]);
    });

    it('refuses a checkpoint it never gave as InvalidCheckpoint, as readAll does', async () => {
      const { store } = subject();
      for (const after of ['not-a-checkpoint', '-1', '99999999999999999999999:1']) {
        await expect(store.readAccount('acct-a', { after, maxCount: 1 })).rejects.toThrow(InvalidCheckpoint);
        await expect(store.readAll({ after, maxCount: 1 })).rejects.toThrow(InvalidCheckpoint);
      }
    });

    if (heldTransactions) {
      it('does not skip an earlier transaction of the account that commits later', async () => {
        const { store, holdAppendOpen } = subject();
        if (!holdAppendOpen) throw new Error('heldTransactions needs holdAppendOpen');
        const [early, late] = [
          at('acct-held', '2026-03-01T00:00:00.000Z'),
          at('acct-held', '2026-03-01T00:00:01.000Z'),
        ];
        const held = await holdAppendOpen('user-early', early);
        await store.append('user-late', [late], NO_STREAM);
        const before = await store.readAccount('acct-held', { after: START, maxCount: 10 });
        await held.commit();
        const all = (await readAccountUntil(store, 'acct-held', { maxCount: 10 }, 2)).flat();
        expect(eventIds(before)).toEqual([]);
        expect(eventIds(all)).toEqual([early.eventId, late.eventId]);
      });
    }
  });
}
