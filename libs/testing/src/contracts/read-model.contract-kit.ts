import type { StoredEvent } from '@gatehouse/contracts';
import type { RowQuery } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { toUserRow, type UserRow, usersListDeclaration, usersListProjection } from '@gatehouse/users-list';

/** The factory gives a fresh, isolated, empty store per test; the suites clear and close it afterwards. */
export type ReadModelStoreFactory = () => ReadModelStore | Promise<ReadModelStore>;

export const model = usersListDeclaration;

/** What the contract suites say to a store: events arrive through the real projection. */
export function contractKit(store: () => ReadModelStore) {
  const query = (accountId: string, options: Partial<RowQuery> = {}): RowQuery => ({
    accountId,
    anyOf: [],
    ranges: [],
    sort: model.defaultSort,
    descending: false,
    limit: 10,
    ...options,
  });
  return {
    given: (...events: StoredEvent[]) => store().apply(model, events.flatMap(usersListProjection.project)),
    query,
    page: async (accountId: string, options: Partial<RowQuery> = {}) => {
      const page = await store().query(model, query(accountId, options));
      return { ...page, rows: page.rows.map(({ row }) => toUserRow(row)) };
    },
    get: async (accountId: string, userId: string): Promise<UserRow | null> => {
      const row = await store().get(model, accountId, userId);
      return row && toUserRow(row);
    },
    /** Every page, each starting after the previous page's last member; at most 100 pages. */
    listAll: async (accountId: string, options: Partial<RowQuery> = {}): Promise<UserRow[][]> => {
      const pages: UserRow[][] = [];
      let after: string | undefined;
      for (let more = true; more && pages.length <= 100; ) {
        const page = await store().query(model, query(accountId, { ...options, after }));
        pages.push(page.rows.map(({ row }) => toUserRow(row)));
        after = page.rows.at(-1)?.member;
        more = page.more;
      }
      return pages;
    },
  };
}
