import type { StoredEvent } from '@gatehouse/contracts';
import { invitesListProjection, inviteStatusFilter } from '@gatehouse/invites-list';
import { fold } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import fc from 'fast-check';
import type { ReadModelStoreFactory } from './read-model.contract-kit';
import { agrees, propertySettings, type QueryShape } from './read-model-differential';
import { FIRST, LAST, ROLES, type ValueOf } from './read-model-equivalence.arbitraries';
import { invited, inviteEvent } from './read-model-invites.contract';
import { eventTime, testUserId as id } from './users-list.fixtures';

const acme = 'acct-acme';

/** One invite: names or none, the roles offered, when sent and due; then resent, revoked, accepted or not. */
const invite = fc.record({
  first: fc.option(fc.constantFrom(...FIRST), { nil: null }),
  last: fc.option(fc.constantFrom(...LAST.filter((name) => name !== '')), { nil: null }),
  mailbox: fc.constantFrom('ada', 'zoe', 'mar', 'a.b', 'Émile'),
  roles: fc.subarray(ROLES),
  sent: fc.integer({ min: 0, max: 30 }),
  due: fc.integer({ min: 0, max: 60 }),
  then: fc.constantFrom('nothing', 'InviteResent', 'InviteRevoked', 'InviteAccepted'),
  dueAgain: fc.integer({ min: 31, max: 90 }),
});

/** A query as the invites list makes it: a prefix, a status at a moment, any of some roles, any order. */
const inviteQuery = fc.record({
  search: fc.option(fc.constantFrom(...FIRST, 'i', 'mar', 'zo', 'a.b@', 'emile', 'z'), { nil: undefined }),
  searchLength: fc.integer({ min: 1, max: 6 }),
  status: fc.option(fc.constantFrom('pending', 'expired', 'accepted', 'revoked'), { nil: undefined }),
  now: fc.integer({ min: 0, max: 100 }),
  roles: fc.subarray(ROLES, { maxLength: 2 }),
  sort: fc.constantFrom('invited', 'expires', 'name', 'email'),
  descending: fc.boolean(),
  limit: fc.integer({ min: 1, max: 7 }),
});

function historyOf(n: number, i: ValueOf<typeof invite>): StoredEvent[] {
  const email = `${i.mailbox}${n}@acme.test`;
  const events = [invited(n, i.sent, i.due, { firstName: i.first, lastName: i.last, email, roles: i.roles })];
  const at = i.sent + 1;
  if (i.then === 'InviteResent')
    events.push(inviteEvent(n, 1, at, i.then, { sendId: 's2', expiresAt: eventTime(i.dueAgain) }));
  if (i.then === 'InviteRevoked') events.push(inviteEvent(n, 1, at, i.then, {}));
  if (i.then === 'InviteAccepted')
    events.push(inviteEvent(n, 1, at, i.then, { userId: id(n), roles: [], accessControls: null }));
  return events;
}

function shapeOf(q: ValueOf<typeof inviteQuery>): QueryShape {
  const { anyOf, ranges } = inviteStatusFilter(q.status, new Date(eventTime(q.now)));
  const search = fold([...(q.search ?? '')].slice(0, q.searchLength).join(''));
  return {
    ...(search === '' ? {} : { search }),
    anyOf: q.roles.length === 0 ? anyOf : [...anyOf, q.roles.map((role) => `role:${role}`)],
    ranges,
    sort: q.sort,
    descending: q.descending,
    limit: q.limit,
  };
}

/**
 * The differential of read-model-equivalence.contract.ts on the invites list's declaration: names that may
 * be missing, a set of each role offered, and a status that joins a set with a deadline range at a moment.
 */
export function readModelInvitesEquivalenceContract(name: string, factory: ReadModelStoreFactory, runs = 40) {
  describe(`ReadModelStore contract (the in-memory store's invites for any history and query): ${name}`, () => {
    let store: ReadModelStore;
    beforeAll(async () => {
      store = await factory();
    });
    afterAll(async () => {
      await store.clear(invitesListProjection.declaration);
      await store.close();
    });

    it.each(['applied', 'loaded'] as const)(
      'pages through the same invites and totals (history %s)',
      (history) =>
        fc.assert(
          fc.asyncProperty(
            fc.array(invite, { minLength: 1, maxLength: 30 }),
            fc.array(inviteQuery, { minLength: 1, maxLength: 6 }),
            (invites, queries) =>
              agrees(
                store,
                invitesListProjection,
                history,
                acme,
                invites.flatMap((i, index) => historyOf(index + 1, i)),
                queries.map(shapeOf),
              ),
          ),
          propertySettings(runs),
        ),
    );
  });
}
