import type { ReadModelDeclaration, RowPage, RowQuery } from '@gatehouse/read-model-kit';
import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { testUserId, userCreatedEvent } from '@gatehouse/testing';
import { usersListProjection } from '@gatehouse/users-list';
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
        const page = await reader.page(acme, { limit: 2, cursor });
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
