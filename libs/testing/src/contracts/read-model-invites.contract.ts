import type { StoredEvent } from '@gatehouse/contracts';
import {
  invitesListDeclaration as model,
  invitesListProjection,
  type InviteStatus,
  inviteStatusFilter,
} from '@gatehouse/invites-list';
import { fold, type RowQuery } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { eventTime, testUserId as id } from './users-list.fixtures';
import type { ReadModelStoreFactory } from './read-model.contract-kit';
import { storedTestEvent } from './stored-event.fixtures';

const acme = 'acct-acme';

/** An invite event at minute `minute` of 2025-01-01, at position `position` of the invite's stream. */
export function inviteEvent(
  n: number,
  position: number,
  minute: number,
  type: string,
  data: object,
): StoredEvent {
  return storedTestEvent({
    accountId: acme,
    streamId: `invite-${id(n)}`,
    streamPosition: position,
    type,
    data: { inviteId: id(n), ...data },
    occurredAt: eventTime(minute),
  });
}
export const invited = (
  n: number,
  minute: number,
  expiresMinute: number,
  { firstName = null, lastName = null, email = `i${n}@acme.test`, roles = ['developer'] } = {} as {
    firstName?: string | null;
    lastName?: string | null;
    email?: string;
    roles?: string[];
  },
) =>
  inviteEvent(n, 0, minute, 'UserInvited', {
    accountId: acme,
    invitee: { email, firstName, lastName, language: 'en', timeZone: 'UTC' },
    roles,
    accessControls: null,
    invitedBy: 'admin',
    sendId: 's1',
    expiresAt: eventTime(expiresMinute),
  });

/**
 * The invites list's queries on every adapter: newest first, the status set joined with a deadline range
 * on another sort (pending vs expired at a query's `now`), a resend moving that range's key, paging; the
 * search on names and emails, the roles filter and the name and email orders, with invites that have no name.
 */
export function readModelInvitesContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`ReadModelStore contract (invites list): ${name}`, () => {
    let store: ReadModelStore;
    const given = (...events: StoredEvent[]) =>
      store.apply(model, events.flatMap(invitesListProjection.project));
    const listed = async (status: InviteStatus | undefined, minute: number, accountId = acme) => {
      const page = await store.query(model, {
        accountId,
        ...inviteStatusFilter(status, new Date(eventTime(minute))),
        sort: 'invited',
        descending: true,
        limit: 100,
      });
      return page.rows.map(({ row }) => Number.parseInt(row.id.slice(-4), 16));
    };

    const ids = async (query: Partial<RowQuery>) => {
      const page = await store.query(model, {
        accountId: acme,
        anyOf: [],
        ranges: [],
        sort: 'invited',
        descending: true,
        limit: 100,
        ...query,
      });
      return { ids: page.rows.map(({ row }) => Number.parseInt(row.id.slice(-4), 16)), total: page.total };
    };
    // Two named invites beside the four unnamed ones: 5 offers support, 6 developer and support.
    const givenNamed = () =>
      given(
        invited(5, 7, 60, {
          firstName: 'Zoë',
          lastName: 'Ångström',
          email: 'Zoe@acme.test',
          roles: ['support'],
        }),
        invited(6, 8, 60, {
          firstName: 'Émile',
          lastName: 'Zola',
          email: 'ez@other.test',
          roles: ['developer', 'support'],
        }),
      );

    beforeEach(async () => {
      store = await factory();
      // Invites 1–4 sent at minutes 1–4; 2 expires at minute 10, the others at 60; 3 revoked, 4 accepted.
      await given(
        invited(1, 1, 60),
        invited(2, 2, 10),
        invited(3, 3, 60),
        invited(4, 4, 60),
        inviteEvent(3, 1, 5, 'InviteRevoked', {}),
        inviteEvent(4, 1, 6, 'InviteAccepted', { userId: id(4), roles: [], accessControls: null }),
      );
    });
    afterEach(async () => {
      await store.clear(model);
      await store.close();
    });

    it('lists every invite newest first and none of another account', async () => {
      expect(await listed(undefined, 20)).toEqual([4, 3, 2, 1]);
      expect(await listed(undefined, 20, 'acct-other')).toEqual([]);
    });

    it('splits pending invites at the deadline exactly: expired from it on', async () => {
      expect(await listed('pending', 9)).toEqual([2, 1]);
      expect(await listed('expired', 9)).toEqual([]);
      expect(await listed('pending', 10)).toEqual([1]);
      expect(await listed('expired', 10)).toEqual([2]);
      expect(await listed('revoked', 10)).toEqual([3]);
      expect(await listed('accepted', 10)).toEqual([4]);
    });

    it('moves a resent invite’s deadline, keeping its place in the order', async () => {
      await given(inviteEvent(2, 1, 30, 'InviteResent', { sendId: 's2', expiresAt: eventTime(90) }));
      expect(await listed('expired', 50)).toEqual([]);
      expect(await listed('pending', 50)).toEqual([2, 1]);
      expect(await listed('expired', 90)).toEqual([2, 1]);
      expect(await listed(undefined, 50)).toEqual([4, 3, 2, 1]);
    });

    it('pages newest first from the last member served', async () => {
      const query = { accountId: acme, anyOf: [], ranges: [], sort: 'invited', descending: true, limit: 3 };
      const first = await store.query(model, query);
      expect(first.more).toBe(true);
      const second = await store.query(model, { ...query, after: first.next ?? first.rows.at(-1)?.member });
      expect(second.rows.map(({ row }) => row.id)).toEqual([id(1)]);
      expect(second.more).toBe(false);
    });

    it('searches names, each word of them, and emails by prefix, ignoring case and accents', async () => {
      await givenNamed();
      expect(await ids({ search: fold('ZOË') })).toEqual({ ids: [5], total: 1 });
      expect(await ids({ search: fold('zol') })).toEqual({ ids: [6], total: 1 });
      expect(await ids({ search: fold('Émile Z') })).toEqual({ ids: [6], total: 1 });
      expect(await ids({ search: fold('i2@') })).toEqual({ ids: [2], total: 1 });
      expect((await ids({ search: 'i' })).ids).toEqual([4, 3, 2, 1]);
      expect((await ids({ search: 'acme' })).ids).toEqual([]);
    });

    it('filters by any of the roles offered, joined with a status and a search', async () => {
      await givenNamed();
      expect(await ids({ anyOf: [['role:support']] })).toEqual({ ids: [6, 5], total: 2 });
      expect((await ids({ anyOf: [['role:developer']] })).ids).toEqual([6, 4, 3, 2, 1]);
      const pending = inviteStatusFilter('pending', new Date(eventTime(9)));
      expect(
        await ids({
          search: 'z',
          anyOf: [...pending.anyOf, ['role:support', 'role:analyst']],
          ranges: pending.ranges,
        }),
      ).toEqual({ ids: [6, 5], total: 2 });
      const revoked = inviteStatusFilter('revoked', new Date(eventTime(9)));
      expect((await ids({ anyOf: [...revoked.anyOf, ['role:developer']] })).ids).toEqual([3]);
      expect((await ids({ anyOf: [...revoked.anyOf, ['role:support']] })).ids).toEqual([]);
    });

    it('sorts by name and by email either way; invites with no name come first ascending', async () => {
      await givenNamed();
      expect((await ids({ sort: 'name', descending: false })).ids).toEqual([1, 2, 3, 4, 6, 5]);
      expect((await ids({ sort: 'name', descending: true })).ids).toEqual([5, 6, 4, 3, 2, 1]);
      expect((await ids({ sort: 'email', descending: false })).ids).toEqual([6, 1, 2, 3, 4, 5]);
      expect((await ids({ sort: 'email', descending: true, search: 'i' })).ids).toEqual([4, 3, 2, 1]);
    });
  });
}
