import type { StoredEvent } from '@gatehouse/contracts';
import type { RowQuery } from '@gatehouse/read-model-kit';
import { InMemoryReadModelStore, type ReadModelStore } from '@gatehouse/read-models';
import { usersListProjection } from '@gatehouse/users-list';
import fc from 'fast-check';
import { contractKit, model, type ReadModelStoreFactory } from './read-model.contract-kit';
import {
  acme,
  broadQuery,
  change,
  eventOf,
  historyOf,
  person,
  query,
  rowQueryOf,
  type ValueOf,
} from './read-model-equivalence.arbitraries';
import * as users from './users-list.fixtures';

/** Every page of the query, each after the previous one's `next` (or last row): ids, and the first total. */
async function pagesOf(store: ReadModelStore, shape: Omit<RowQuery, 'accountId' | 'after'>) {
  const ids: string[] = [];
  let first: { total: number; atLeast: boolean; rows: number; more: boolean } | undefined;
  let after: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await store.query(model, { ...shape, accountId: acme, after });
    first ??= {
      total: page.total,
      atLeast: page.totalIsAtLeast === true,
      rows: page.rows.length,
      more: page.more,
    };
    ids.push(...page.rows.map(({ row }) => row.id));
    if (!page.more) return { ids, first };
    after = page.next ?? page.rows.at(-1)?.member;
  }
  throw new Error('no last page after 500');
}

/** Gives `store` the history as a live projector (apply) or a rebuild (load, index, switch) would. */
async function given(store: ReadModelStore, history: 'applied' | 'loaded', events: StoredEvent[]) {
  if (history === 'applied') return contractKit(() => store).given(...events);
  const generation = await store.createGeneration(model);
  await store.load(model, events.flatMap(usersListProjection.project), generation);
  await store.indexLoaded(model, generation);
  await store.switchTo(model, generation);
}

/** Each query's rows and first total on `store` against the in-memory store's, given the same history. */
async function agrees(
  store: ReadModelStore,
  history: 'applied' | 'loaded',
  people: ValueOf<typeof person>[],
  queries: ValueOf<typeof query>[],
): Promise<void> {
  const reference = new InMemoryReadModelStore();
  await store.clear(model);
  const events = people.flatMap((p, index) => historyOf(index + 1, p));
  await given(reference, 'applied', events);
  await given(store, history, events);
  for (const q of queries) {
    const shape = rowQueryOf(q);
    const expected = await pagesOf(reference, shape);
    const actual = await pagesOf(store, shape);
    expect({ shape, ids: actual.ids }).toEqual({ shape, ids: expected.ids });
    if (!actual.first.atLeast) expect(actual.first.total).toBe(expected.ids.length);
    else {
      expect(actual.first.total).toBeLessThanOrEqual(expected.ids.length);
      expect(actual.first.total).toBeGreaterThanOrEqual(actual.first.rows);
    }
    // An export of the same query: its CSV lines, in batches of the page size (exports take other paths).
    const generation = (await store.current(model)) as number;
    expect({ shape, csv: await exported(store, shape, generation) }).toEqual({
      shape,
      csv: await exported(reference, shape, (await reference.current(model)) as number),
    });
  }
}

async function exported(
  store: ReadModelStore,
  shape: Omit<RowQuery, 'accountId' | 'after'>,
  generation: number,
) {
  const { limit, ...rest } = shape;
  const chunks: string[] = [];
  for await (const lines of store.scanCsv(model, { ...rest, accountId: acme }, generation, limit))
    chunks.push(lines.toString());
  return chunks.join('');
}

/**
 * Pages through a query with a change applied after each page: every row no change touched that matches
 * (before and after alike, as it did not change) comes exactly once, and none that does not match.
 */
async function pagesOnceUnderWrites(
  store: ReadModelStore,
  people: ValueOf<typeof person>[],
  q: ValueOf<typeof query>,
  changes: ValueOf<typeof change>[],
): Promise<void> {
  await store.clear(model);
  const events = people.flatMap((p, index) => historyOf(index + 1, p));
  await given(store, 'applied', events);
  const changed = changes.map((c, k) => eventOf(c, k, people.length));
  const shape = rowQueryOf(q);
  const seen = new Map<string, number>();
  let after: string | undefined;
  for (let pages = 0, more = true; more; pages++) {
    if (pages === 500) throw new Error('no last page after 500');
    const page = await store.query(model, { ...shape, accountId: acme, after });
    for (const { row } of page.rows) seen.set(row.id, (seen.get(row.id) ?? 0) + 1);
    more = page.more;
    after = page.next ?? page.rows.at(-1)?.member;
    const next = changed[pages];
    if (next) await given(store, 'applied', [next[1]]);
  }
  const reference = new InMemoryReadModelStore();
  await given(reference, 'applied', [...events, ...changed.map(([, event]) => event)]);
  const matching = new Set((await pagesOf(reference, shape)).ids);
  const touched = new Set(changed.map(([user]) => user));
  for (let n = 1; n <= people.length; n++) {
    const user = users.testUserId(n);
    if (touched.has(user)) continue;
    expect({ user, shape, seen: seen.get(user) ?? 0 }).toEqual({
      user,
      shape,
      seen: matching.has(user) ? 1 : 0,
    });
  }
}

/**
 * Differential: for generated histories and queries, the store pages through exactly the rows the
 * in-memory store does, in the same order, and its first page's total agrees (or, flagged as a lower
 * bound, does not exceed the count), and an export of the query gives the same CSV; whether it took the
 * history write by write (apply) or in bulk into a generation it then indexed (load, as a rebuild does).
 * Seeded, so a run is repeatable; FC_SEED and FC_RUNS search further.
 */
export function readModelEquivalenceContract(name: string, factory: ReadModelStoreFactory, runs = 40): void {
  const settings = () => ({
    numRuns: Number(process.env['FC_RUNS'] ?? runs),
    seed: Number(process.env['FC_SEED'] ?? 20261206),
  });
  describe(`ReadModelStore contract (the in-memory store's rows for any history and query): ${name}`, () => {
    let store: ReadModelStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store.clear(model);
      await store.close();
    });

    it.each(['applied', 'loaded'] as const)(
      'pages through the same rows and totals (history %s)',
      (history) =>
        fc.assert(
          fc.asyncProperty(
            fc.array(person, { minLength: 1, maxLength: 30 }),
            fc.array(query, { minLength: 1, maxLength: 6 }),
            (people, queries) => agrees(store, history, people, queries),
          ),
          settings(),
        ),
    );

    it('gives every unchanged matching row once while writes land between the pages', () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(person, { minLength: 5, maxLength: 30 }),
          broadQuery,
          fc.array(change, { maxLength: 12 }),
          (people, q, changes) => pagesOnceUnderWrites(store, people, q, changes),
        ),
        settings(),
      ));
  });
}
