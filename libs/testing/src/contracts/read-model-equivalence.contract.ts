import { InMemoryReadModelStore, type ReadModelStore } from '@gatehouse/read-models';
import { usersListProjection } from '@gatehouse/users-list';
import fc from 'fast-check';
import { model, type ReadModelStoreFactory } from './read-model.contract-kit';
import { agrees, given, pagesOf, propertySettings } from './read-model-differential';
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
  await given(store, usersListProjection, 'applied', events);
  const changed = changes.map((c, k) => eventOf(c, k, people.length));
  const shape = rowQueryOf(q);
  const seen = new Map<string, number>();
  const paged = await pagesOf(store, usersListProjection, acme, shape, async (page) => {
    const next = changed[page];
    if (next) await given(store, usersListProjection, 'applied', [next[1]]);
  });
  for (const id of paged.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
  const reference = new InMemoryReadModelStore();
  await given(reference, usersListProjection, 'applied', [...events, ...changed.map(([, event]) => event)]);
  const matching = new Set((await pagesOf(reference, usersListProjection, acme, shape)).ids);
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
 * Seeded (propertySettings).
 */
export function readModelEquivalenceContract(name: string, factory: ReadModelStoreFactory, runs = 40): void {
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
            (people, queries) =>
              agrees(
                store,
                usersListProjection,
                history,
                acme,
                people.flatMap((p, index) => historyOf(index + 1, p)),
                queries.map(rowQueryOf),
              ),
          ),
          propertySettings(runs),
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
        propertySettings(runs),
      ));
  });
}
