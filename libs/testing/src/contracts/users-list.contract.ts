import type { StoredEvent } from '@gatehouse/contracts';
import type { UsersListReadModel } from '@gatehouse/read-models';
import { type UserRow, usersListProjection, type UsersListWrite } from '@gatehouse/users-list';
import {
  eventTime as at,
  roleToggledEvent as toggled,
  testUserId,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
} from './users-list.fixtures';

/**
 * What every UsersListReadModel adapter must do. Writes come from the real projection, so each
 * case reads as "these events arrived". The factory gives a fresh, isolated, empty model per test;
 * the suite clears and closes it afterwards.
 */
export type UsersListReadModelFactory = () => UsersListReadModel | Promise<UsersListReadModel>;

const acme = 'acct-acme';
const globex = 'acct-globex';
const admin = 'account-admin';
const viewer = 'viewer';

const writes = (...events: StoredEvent[]): UsersListWrite[] => events.flatMap(usersListProjection.project);

export function usersListContract(name: string, factory: UsersListReadModelFactory): void {
  describe(`UsersListReadModel contract: ${name}`, () => {
    let model: UsersListReadModel;
    const given = (...events: StoredEvent[]) => model.apply(writes(...events));

    async function listAll(accountId: string, limit: number): Promise<UserRow[][]> {
      const pages: UserRow[][] = [];
      let cursor: string | undefined;
      do {
        const page = await model.list(accountId, { cursor, limit });
        pages.push(page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined && pages.length <= 100);
      return pages;
    }

    const snapshot = async (userIds: string[]) => ({
      pages: await listAll(acme, 10),
      count: await model.count(acme),
      rows: await Promise.all(userIds.map((userId) => model.get(acme, userId))),
    });

    beforeEach(async () => {
      model = await factory();
    });

    afterEach(async () => {
      await model.clear();
      await model.close();
    });

    describe('when empty', () => {
      it('lists nothing, counts zero and gets null for an unknown user', async () => {
        expect(await model.list(acme, { limit: 10 })).toEqual({ items: [], nextCursor: null });
        expect(await model.count(acme)).toBe(0);
        expect(await model.get(acme, testUserId(1))).toBeNull();
      });
    });

    describe('after UserCreated', () => {
      it('returns the full row from get, list and count', async () => {
        await given(created(acme, testUserId(1)));
        const row: UserRow = {
          id: testUserId(1),
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: `${testUserId(1)}@example.com`,
          username: `u-${testUserId(1)}`,
          mobile: null,
          language: 'en',
          timeZone: 'Europe/London',
          status: 'active',
          roles: [],
          lastLoginAt: null,
          lastLoginIp: null,
          lastLoginChannel: null,
          createdAt: at(0),
          deletionRequestedAt: null,
        };
        expect(await model.get(acme, testUserId(1))).toEqual(row);
        expect(await model.list(acme, { limit: 10 })).toEqual({ items: [row], nextCursor: null });
        expect(await model.count(acme)).toBe(1);
        expect(await model.get(acme, testUserId(2))).toBeNull();
      });
    });

    describe('listing', () => {
      it('pages 25 users ten at a time in id order, without duplicates or gaps', async () => {
        const ids = Array.from({ length: 25 }, (_, index) => testUserId(index + 1));
        await given(...[...ids].reverse().map((userId) => created(acme, userId)));
        const pages = await listAll(acme, 10);
        expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
        expect(pages.flat().map((row) => row.id)).toEqual(ids);
        expect(await model.count(acme)).toBe(25);
      });

      it('gives a null cursor when the last page is exactly full', async () => {
        await given(...Array.from({ length: 20 }, (_, index) => created(acme, testUserId(index + 1))));
        const second = await model.list(acme, { cursor: testUserId(10), limit: 10 });
        expect(second.items.map((row) => row.id)).toEqual(
          Array.from({ length: 10 }, (_, i) => testUserId(i + 11)),
        );
        expect(second.nextCursor).toBeNull();
      });

      it('rejects a limit that is not a positive integer', async () => {
        await expect(model.list(acme, { limit: 0 })).rejects.toThrow(RangeError);
        await expect(model.list(acme, { limit: 2.5 })).rejects.toThrow(RangeError);
      });
    });

    describe('across accounts', () => {
      it('keeps each account to its own users, roles and counts', async () => {
        await given(created(acme, testUserId(1), 'Acme'), created(globex, testUserId(1), 'Globex'));
        await given(created(acme, testUserId(2)), toggled(acme, testUserId(1), admin, true, 0));
        expect((await model.get(globex, testUserId(1)))?.firstName).toBe('Globex');
        expect((await model.get(globex, testUserId(1)))?.roles).toEqual([]);
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([admin]);
        expect(await model.get(globex, testUserId(2))).toBeNull();
        expect((await model.list(globex, { limit: 10 })).items.map((row) => row.firstName)).toEqual([
          'Globex',
        ]);
        expect([await model.count(acme), await model.count(globex)]).toEqual([2, 1]);
      });
    });

    describe('idempotency', () => {
      const ids = [testUserId(1), testUserId(2)];
      const batch = [
        created(acme, ids[0]),
        created(acme, ids[1]),
        loggedIn(acme, ids[0], 1),
        toggled(acme, ids[0], admin, true, 0),
        toggled(acme, ids[1], viewer, true, 1),
      ];

      it('changes nothing when the same writes are applied twice', async () => {
        await given(...batch);
        const once = await snapshot(ids);
        await given(...batch);
        expect(await snapshot(ids)).toEqual(once);
      });

      it('does not undo later writes when an earlier batch is redelivered', async () => {
        await given(...batch);
        await given(toggled(acme, ids[0], admin, false, 2), loggedIn(acme, ids[0], 2, '198.51.100.1'));
        const latest = await snapshot(ids);
        await given(...batch);
        expect(await snapshot(ids)).toEqual(latest);
        expect(latest.rows[0]).toMatchObject({ roles: [], lastLoginIp: '198.51.100.1', lastLoginAt: at(2) });
      });

      it('ignores a write older than the last one applied from its stream', async () => {
        await given(created(acme, ids[0]), loggedIn(acme, ids[0], 2, '198.51.100.2'));
        await given(loggedIn(acme, ids[0], 1, '198.51.100.1'), created(acme, ids[0], 'Replayed'));
        expect(await model.get(acme, ids[0])).toMatchObject({ firstName: 'Ada', lastLoginAt: at(2) });
      });

      it('skips a write at the position already applied from its stream', async () => {
        await given(created(acme, ids[0]), loggedIn(acme, ids[0], 1, '198.51.100.1'));
        await given(loggedIn(acme, ids[0], 1, '198.51.100.99'));
        expect((await model.get(acme, ids[0]))?.lastLoginIp).toBe('198.51.100.1');
      });

      it('compares positions as numbers, not as text', async () => {
        await given(created(acme, ids[0]), loggedIn(acme, ids[0], 9, '198.51.100.9'));
        await given(loggedIn(acme, ids[0], 10, '198.51.100.10'));
        expect((await model.get(acme, ids[0]))?.lastLoginIp).toBe('198.51.100.10');
      });

      it('tracks positions per source stream, so equal positions from two streams both apply', async () => {
        await given(created(acme, ids[0]), toggled(acme, ids[0], admin, true, 0));
        expect(await model.get(acme, ids[0])).toMatchObject({ roles: [admin], createdAt: at(0) });
      });
    });

    describe('roles', () => {
      it('adds and removes roles, keeping each once and in the order first granted', async () => {
        await given(created(acme, testUserId(1)), toggled(acme, testUserId(1), admin, true, 0));
        await given(
          toggled(acme, testUserId(1), viewer, true, 1),
          toggled(acme, testUserId(1), admin, true, 2),
        );
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([admin, viewer]);
        await given(toggled(acme, testUserId(1), admin, false, 3));
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([viewer]);
        await given(
          toggled(acme, testUserId(1), viewer, false, 4),
          toggled(acme, testUserId(1), viewer, false, 5),
        );
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([]);
      });

      it('keeps roles toggled before the user exists and shows them once the user is created', async () => {
        await given(
          toggled(acme, testUserId(1), admin, true, 0),
          toggled(acme, testUserId(1), viewer, true, 1),
        );
        await given(toggled(acme, testUserId(1), viewer, false, 2));
        expect(await model.get(acme, testUserId(1))).toBeNull();
        expect(await model.list(acme, { limit: 10 })).toEqual({ items: [], nextCursor: null });
        expect(await model.count(acme)).toBe(0);
        await given(created(acme, testUserId(1)));
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([admin]);
        expect((await model.list(acme, { limit: 10 })).items.map((row) => row.roles)).toEqual([[admin]]);
      });
    });

    describe('logins', () => {
      it('records the latest login time, address and channel', async () => {
        await given(created(acme, testUserId(1)), loggedIn(acme, testUserId(1), 1, '203.0.113.1'));
        const login = { lastLoginAt: at(1), lastLoginIp: '203.0.113.1', lastLoginChannel: 'password' };
        expect(await model.get(acme, testUserId(1))).toMatchObject(login);
        await given(loggedIn(acme, testUserId(1), 2, '2001:db8::1'));
        const later = { lastLoginAt: at(2), lastLoginIp: '2001:db8::1', firstName: 'Ada' };
        expect((await model.list(acme, { limit: 1 })).items[0]).toMatchObject(later);
      });
    });

    describe('clear', () => {
      it('forgets rows and positions of every account, so a replay from the start rebuilds them', async () => {
        const history = [
          created(acme, testUserId(1)),
          created(globex, testUserId(2)),
          toggled(acme, testUserId(1), admin, true, 0),
        ];
        await given(...history);
        await model.clear();
        expect([await model.count(acme), await model.count(globex)]).toEqual([0, 0]);
        expect(await model.get(acme, testUserId(1))).toBeNull();
        await given(...history);
        expect((await model.get(acme, testUserId(1)))?.roles).toEqual([admin]);
        expect(await model.count(globex)).toBe(1);
      });
    });
  });
}
