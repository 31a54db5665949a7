import type { StoredEvent } from '@gatehouse/contracts';
import { fold, type KeyRange, type RowQuery, timeKey } from '@gatehouse/read-model-kit';
import fc from 'fast-check';
import { model } from './read-model.contract-kit';
import * as users from './users-list.fixtures';

/** Generated users-list histories, queries and writes for the differential contract. */

export const acme = 'acct-acme';
// Accents composed and not, a letter outside the BMP, a dotted capital I, a sharp s, and a name holding
// what a set's needle looks like.
export const FIRST = [
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
export const LAST = ['Lovelace', 'Zola', 'Kodály', 'de la Cruz', 'Ma', 'Ångström', '', 'x|status:active|'];
export const ROLES = ['support', 'developer', 'account-admin', 'analyst'];
const LANGUAGES = ['en', 'fr', 'de'];
const STATUSES = ['UserDisabled', 'UserLocked', 'UserDeletionRequested'] as const;
const SETS = ['status:active', 'status:disabled', 'status:locked', 'deletionRequested:yes'];
const NEVER = timeKey(null);
const END = timeKey('9999-12-31T23:59:59.999Z');
const FIRST_INSTANT = timeKey(new Date(1).toISOString());
const shifted = (minute: number, ms: number) =>
  timeKey(new Date(Date.parse(users.eventTime(minute)) + ms).toISOString());

/** One user's history: a creation, then some of a rename, a status change, logins, role toggles. */
export const person = fc.record({
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
export const query = fc.record({
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

export type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** The user's events in stream order: each stream's positions rise, and a position is its minute. */
export function historyOf(n: number, p: ValueOf<typeof person>): StoredEvent[] {
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
export function rowQueryOf(q: ValueOf<typeof query>): Omit<RowQuery, 'accountId' | 'after'> {
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

/** Queries most rows match, in small pages: paging under writes needs many pages. */
export const broadQuery = fc.record({
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
export const change = fc.record({
  user: fc.nat(),
  kind: fc.constantFrom('rename', 'status', 'login', 'toggle', 'create'),
  name: fc.constantFrom(...FIRST),
  status: fc.constantFrom(...STATUSES),
  role: fc.constantFrom(...ROLES),
  on: fc.boolean(),
});

/** The change's event, past every position of the user's history, and the user it changes. */
export function eventOf(c: ValueOf<typeof change>, k: number, people: number): [string, StoredEvent] {
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
