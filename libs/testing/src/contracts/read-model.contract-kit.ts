import type { StoredEvent } from '@gatehouse/contracts';
import type { PageRow, Row, RowQuery } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { usersListProjection } from '@gatehouse/users-list';

/** A row as the suites compare it: the columns of the people model, roles always a list (readFields). */
export type PersonRow = Record<string, unknown> & { id: string; roles: string[] };
const toPerson = (row: Row): PersonRow => row as PersonRow;
/** A page's row, its JSON (which a reader passes on unparsed) checked to read as the row. */
const personOf = ({ row, json }: PageRow): PersonRow => {
  expect(JSON.parse(json)).toEqual(row);
  return toPerson(row);
};

/** The factory gives a fresh, isolated, empty store per test; the suites clear and close it afterwards. */
export type ReadModelStoreFactory = () => ReadModelStore | Promise<ReadModelStore>;

export const model = usersListProjection.declaration;

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
      return { ...page, rows: page.rows.map(personOf) };
    },
    get: async (accountId: string, userId: string): Promise<PersonRow | null> => {
      const row = await store().get(model, accountId, userId);
      return row && toPerson(row);
    },
    /** Every page, each starting after the previous page's last member; at most 100 pages. */
    listAll: async (accountId: string, options: Partial<RowQuery> = {}): Promise<PersonRow[][]> => {
      const pages: PersonRow[][] = [];
      let after: string | undefined;
      for (let more = true; more && pages.length <= 100; ) {
        const page = await store().query(model, query(accountId, { ...options, after }));
        pages.push(page.rows.map(personOf));
        after = page.rows.at(-1)?.member;
        more = page.more;
      }
      return pages;
    },
  };
}
