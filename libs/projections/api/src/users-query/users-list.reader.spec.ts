import type { ReadModelDeclaration, RowPage, RowQuery } from '@gatehouse/read-model-kit';
import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { testUserId, userCreatedEvent } from '@gatehouse/testing';
import { usersListProjection } from '@gatehouse/users-list';
import type { ListPage } from '../page-cursor';
import { HOLD_MS } from '../projection-runner/generation-keeper';
import { UsersListReader } from './users-list.reader';

const acme = '0190a000-0000-7000-8000-00000000acme';

/** Answers as a large Redis account does for a broad search: the matches a page found, as a lower bound. */
class LowerBoundingStore extends InMemoryReadModelStore {
  override async query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage> {
    const page = await super.query(model, query, generation);
    return { ...page, total: page.rows.length + (page.more ? 1 : 0), totalIsAtLeast: true };
  }
}

describe('UsersListReader', () => {
  describe('exporting', () => {
    afterEach(() => jest.useRealTimers());

    it('holds its generation while it runs, so a switch and a sweep meanwhile do not tear it', async () => {
      jest.useFakeTimers({ now: 1_000_000, doNotFake: ['setImmediate', 'nextTick'] });
      const store = new InMemoryReadModelStore();
      const model = usersListProjection.declaration;
      await store.apply(
        model,
        Array.from({ length: 1500 }, (_, n) => n + 1).flatMap((n) =>
          usersListProjection.project(userCreatedEvent(acme, testUserId(n))),
        ),
      );
      const exported = new UsersListReader(store).csvLines(acme, {});
      const first = await exported.next();
      // As a rebuild switches: the old generation held for a grace period shorter than the export.
      await store.switchTo(model, await store.createGeneration(model));
      await store.hold(model, [1], Date.now() + 5 * HOLD_MS);

      jest.advanceTimersByTime(10 * HOLD_MS);
      expect(await store.sweep(model, Date.now())).toEqual([]);
      const rest = [];
      for await (const lines of exported) rest.push(lines);
      expect(`${first.value}${rest.join('')}`.split('\n')).toHaveLength(1501);

      jest.advanceTimersByTime(HOLD_MS + 1);
      expect(await store.sweep(model, Date.now())).toEqual([1]);
    });
  });

  describe('paging', () => {
    it("answers the API's JSON: each item the row as read, its name joined and its roles [] before any", async () => {
      const store = new InMemoryReadModelStore();
      const model = usersListProjection.declaration;
      await store.apply(model, usersListProjection.project(userCreatedEvent(acme, testUserId(1), 'Zoë')));
      const { items, nextCursor, total } = JSON.parse(
        await new UsersListReader(store).pageJson(acme, {}),
      ) as ListPage<Record<string, unknown>>;

      expect({ nextCursor, total }).toEqual({ nextCursor: null, total: 1 });
      expect(items).toEqual([
        expect.objectContaining({ id: testUserId(1), name: 'Zoë Lovelace', firstName: 'Zoë', roles: [] }),
      ]);
    });
  });

  describe('when the store gives a lower bound', () => {
    it('adds the rows of earlier pages, so the bound grows to the count by the last page', async () => {
      const store = new LowerBoundingStore();
      await store.apply(
        usersListProjection.declaration,
        [1, 2, 3, 4, 5].flatMap((n) => usersListProjection.project(userCreatedEvent(acme, testUserId(n)))),
      );
      const reader = new UsersListReader(store);
      const pages = [];
      for (let cursor: string | undefined, more = true; more; ) {
        const page = JSON.parse(await reader.pageJson(acme, { limit: 2, cursor })) as ListPage<unknown>;
        pages.push([page.items.length, page.total, page.totalIsAtLeast]);
        cursor = page.nextCursor ?? undefined;
        more = page.nextCursor !== null;
      }
      expect(pages).toEqual([
        [2, 3, true],
        [2, 5, true],
        [1, 5, true],
      ]);
    });
  });
});
