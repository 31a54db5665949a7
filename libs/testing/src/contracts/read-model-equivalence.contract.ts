import type { StoredEvent } from '@gatehouse/contracts';
import { fold, type KeyRange, type RowQuery, timeKey } from '@gatehouse/read-model-kit';
import { InMemoryReadModelStore, type ReadModelStore } from '@gatehouse/read-models';
import fc from 'fast-check';
import { usersListProjection } from '@gatehouse/users-list';
import { contractKit, model, type ReadModelStoreFactory } from './read-model.contract-kit';
import * as users from './users-list.fixtures';

const acme = 'acct-acme';
// Accents composed and not, a letter outside the BMP, a dotted capital I, a sharp s, and a name holding
// what a set's needle looks like.
const FIRST = [
  'Ada',
  'ada',
  'Zoë',
  'Zoe\u0308',
  'ÉMILE',
  'Ma',
  'Mar',
  'Maria',
  'O’Neil',
  '𝒜lice',
  'İlker',
  'Straße',
];
const ODD = ['|status:active|', 'role:support', 'a b', 'ß', '\u0308'];
const LAST = ['Lovelace', 'Zola', 'Kodály', 'de la Cruz', 'Ma', 'Ångström', '', 'x|status:active|'];
const ROLES = ['support', 'developer', 'account-admin', 'analyst'];
const LANGUAGES = ['en', 'fr', 'de'];
const STATUSES = ['UserDisabled', 'UserLocked', 'UserDeletionRequested'] as const;
const SETS = ['status:active', 'status:disabled', 'status:locked', 'deletionRequested:yes'];
const NEVER = timeKey(null);
const END = timeKey('9999-12-31T23:59:59.999Z');
const FIRST_INSTANT = timeKey(new Date(1).toISOString());
const shifted = (minute: number, ms: number) =>
  timeKey(new Date(Date.parse(users.eventTime(minute)) + ms).toISOString());

/** One user's history: a creation, then some of a rename, a status change, logins, role toggles. */
const person = fc.record({
  first: fc.constantFrom(...FIRST),
  last: fc.constantFrom(...LAST),
  username: fc.constantFrom('ada', 'zoe.a', 'ma', 'Mar-1', 'émile', 'zz'),
  mailbox: fc.constantFrom('ada', 'zoe', 'mar', 'countess', 'a.b'),
  language: fc.constantFrom(...LANGUAGES),
  renamedTo: fc.option(fc.constantFrom(...FIRST), { nil: undefined }),
  status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
  logins: fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 2 }),
  toggles: fc.array(fc.tuple(fc.constantFrom(...ROLES), fc.boolean()), { maxLength: 4 }),
});

/** A query as the lists make them: a folded prefix, set groups, last-login ranges, any sort and page. */
const query = fc.record({
  search: fc.option(
    fc.oneof(
      fc.constantFrom(...FIRST, ...LAST, ...ODD, 'ada lo', 'zoe', 'mar', 'a.b@', 'ilk', 'strasse'),
      fc.string(),
    ),
    {
      nil: undefined,
    },
  ),
  searchLength: fc.integer({ min: 1, max: 8 }),
  groups: fc.array(
    fc.subarray([...SETS, ...ROLES.map((r) => `role:${r}`), ...LANGUAGES.map((l) => `language:${l}`)], {
      minLength: 1,
      maxLength: 3,
    }),
    { maxLength: 2 },
  ),
  range: fc.oneof(
    fc.constant(undefined),
    fc.constant('never' as const),
    fc.tuple(fc.constantFrom('after' as const, 'before' as const), fc.integer({ min: 0, max: 41 })),
  ),
  sort: fc.constantFrom(...Object.keys(model.sorts)),
  descending: fc.boolean(),
  limit: fc.integer({ min: 1, max: 7 }),
});

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** The user's events in stream order: each stream's positions rise, and a position is its minute. */
function historyOf(n: number, p: ValueOf<typeof person>): StoredEvent[] {
  const user = users.testUserId(n);
  const events = [
    users.userCreatedEvent(acme, user, p.first, {
      lastName: p.last,
      username: `${p.username}${n}`,
      email: `${p.mailbox}${n}@acme.test`,
      language: p.language,
    }),
  ];
  let position = 0;
  if (p.renamedTo !== undefined) events.push(users.userRenamedEvent(acme, user, ++position, p.renamedTo));
  for (const minute of [...p.logins].sort((a, b) => a - b)) {
    position = Math.max(position + 1, minute);
    events.push(users.userLoginEvent(acme, user, position));
  }
  if (p.status !== undefined) events.push(users.userStatusEvent(acme, user, p.status, ++position));
  p.toggles.forEach(([role, on], index) => events.push(users.roleToggledEvent(acme, user, role, on, index)));
  return events;
}

/** As usersRowQuery makes them: strict bounds moved by a millisecond, "before" leaving out "never". */
function rowQueryOf(q: ValueOf<typeof query>): Omit<RowQuery, 'accountId' | 'after'> {
  const ranges: KeyRange[] = [];
  if (q.range === 'never') ranges.push({ sort: 'lastLogin', min: NEVER, max: NEVER });
  else if (q.range?.[0] === 'after')
    ranges.push({ sort: 'lastLogin', min: shifted(q.range[1], 1), max: END });
  else if (q.range?.[0] === 'before')
    ranges.push({ sort: 'lastLogin', min: FIRST_INSTANT, max: shifted(q.range[1], -1) });
  // What a user types: whole characters (HTTP's query parser leaves a broken UTF-8 escape as its text).
  const search = fold([...(q.search ?? '')].slice(0, q.searchLength).join(''));
  return {
    ...(search === '' ? {} : { search }),
    anyOf: q.groups,
    ranges,
    sort: q.sort,
    descending: q.descending,
    limit: q.limit,
  };
}

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
  }
}

/** Queries most rows match, in small pages: paging under writes needs many pages. */
const broadQuery = fc.record({
  search: fc.option(fc.constantFrom('a', 'm', 'z', 'ma', 'u-'), { nil: undefined }),
  searchLength: fc.constant(8),
  groups: fc.constantFrom<string[][]>(
    [],
    [['status:active']],
    [['role:support', 'role:developer']],
    [['language:en', 'language:fr']],
  ),
  range: fc.constantFrom<ValueOf<typeof query>['range']>(undefined, 'never', ['after', 0]),
  sort: fc.constantFrom(...Object.keys(model.sorts)),
  descending: fc.boolean(),
  limit: fc.integer({ min: 1, max: 4 }),
});

/** A write to one of the users (or a new user) landing between two pages. */
const change = fc.record({
  user: fc.nat(),
  kind: fc.constantFrom('rename', 'status', 'login', 'toggle', 'create'),
  name: fc.constantFrom(...FIRST),
  status: fc.constantFrom(...STATUSES),
  role: fc.constantFrom(...ROLES),
  on: fc.boolean(),
});

/** The change's event, past every position of the user's history, and the user it changes. */
function eventOf(c: ValueOf<typeof change>, k: number, people: number): [string, StoredEvent] {
  const user = users.testUserId(c.kind === 'create' ? 1000 + k : (c.user % people) + 1);
  const position = 100 + k;
  const event = {
    rename: () => users.userRenamedEvent(acme, user, position, c.name),
    status: () => users.userStatusEvent(acme, user, c.status, position),
    login: () => users.userLoginEvent(acme, user, position),
    toggle: () => users.roleToggledEvent(acme, user, c.role, c.on, position),
    create: () => users.userCreatedEvent(acme, user, c.name),
  }[c.kind]();
  return [user, event];
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
 * bound, does not exceed the count); whether it took the history write by write (apply) or in bulk into a
 * generation it then indexed (load, as a rebuild does). Seeded, so a run is repeatable; FC_SEED and
 * FC_RUNS search further.
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
