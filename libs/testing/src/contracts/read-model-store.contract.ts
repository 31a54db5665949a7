import type { ReadModelStore } from '@gatehouse/read-models';
import { contractKit, model, type PersonRow, type ReadModelStoreFactory } from './read-model.contract-kit';
import {
  eventTime as at,
  roleToggledEvent as toggled,
  testUserId,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
  userStatusEvent as disabled,
} from './users-list.fixtures';

const acme = 'acct-acme';
const globex = 'acct-globex';
const admin = 'account-admin';
const viewer = 'viewer';

/** What every ReadModelStore adapter does with rows: storing, idempotency, list columns, accounts. */
export function readModelStoreContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`ReadModelStore contract (rows): ${name}`, () => {
    let store: ReadModelStore;
    const { given, get, page, listAll } = contractKit(() => store);
    const snapshot = async (userIds: string[]) => ({
      pages: await listAll(acme),
      count: await store.count(model, acme),
      rows: await Promise.all(userIds.map((userId) => get(acme, userId))),
    });

    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.clear(model);
      await store.close();
    });

    describe('when empty', () => {
      it('lists nothing, counts zero and gets null for an unknown user', async () => {
        expect(await page(acme)).toEqual({ rows: [], total: 0, more: false });
        expect(await store.count(model, acme)).toBe(0);
        expect(await get(acme, testUserId(1))).toBeNull();
      });
    });

    describe('after UserCreated', () => {
      it('returns the full row from get, query and count', async () => {
        await given(created(acme, testUserId(1)));
        const row: PersonRow = {
          id: testUserId(1),
          name: 'Ada Lovelace',
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
        expect(await get(acme, testUserId(1))).toEqual(row);
        expect(await page(acme)).toEqual({ rows: [row], total: 1, more: false });
        expect(await store.count(model, acme)).toBe(1);
        expect(await get(acme, testUserId(2))).toBeNull();
      });
    });

    describe('paging in the default order', () => {
      it('pages 25 users ten at a time in creation order (ties by id), without duplicates or gaps', async () => {
        const ids = Array.from({ length: 25 }, (_, index) => testUserId(index + 1));
        await given(...[...ids].reverse().map((userId) => created(acme, userId)));
        const pages = await listAll(acme);
        expect(pages.map((rows) => rows.length)).toEqual([10, 10, 5]);
        expect(pages.flat().map((row) => row.id)).toEqual(ids);
        expect(await store.count(model, acme)).toBe(25);
      });

      it.each([false, true])(
        'says there is no more when the last page is exactly full (descending: %s)',
        async (descending) => {
          await given(...Array.from({ length: 20 }, (_, index) => created(acme, testUserId(index + 1))));
          expect((await listAll(acme, { descending })).map((rows) => rows.length)).toEqual([10, 10]);
        },
      );

      it('rejects a limit that is not a positive integer', async () => {
        await expect(page(acme, { limit: 0 })).rejects.toThrow(RangeError);
        await expect(page(acme, { limit: 2.5 })).rejects.toThrow(RangeError);
      });
    });

    describe('across accounts', () => {
      it('keeps each account to its own users, roles and counts', async () => {
        await given(created(acme, testUserId(1), 'Acme'), created(globex, testUserId(1), 'Globex'));
        await given(created(acme, testUserId(2)), toggled(acme, testUserId(1), admin, true, 0));
        expect((await get(globex, testUserId(1)))?.firstName).toBe('Globex');
        expect((await get(globex, testUserId(1)))?.roles).toEqual([]);
        expect((await get(acme, testUserId(1)))?.roles).toEqual([admin]);
        expect(await get(globex, testUserId(2))).toBeNull();
        expect((await page(globex)).rows.map((row) => row.firstName)).toEqual(['Globex']);
        expect((await page(globex, { search: 'acme' })).total).toBe(0);
        expect([await store.count(model, acme), await store.count(model, globex)]).toEqual([2, 1]);
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
        expect((await page(acme, { anyOf: [[`role:${admin}`]] })).total).toBe(0);
      });

      it('ignores a write at or below the last position applied from its stream', async () => {
        await given(created(acme, ids[0]), loggedIn(acme, ids[0], 2, '198.51.100.2'));
        await given(loggedIn(acme, ids[0], 1, '198.51.100.1'), created(acme, ids[0], 'Replayed'));
        await given(loggedIn(acme, ids[0], 2, '198.51.100.99'));
        expect(await get(acme, ids[0])).toMatchObject({ firstName: 'Ada', lastLoginIp: '198.51.100.2' });
        expect((await page(acme, { search: 'replayed' })).total).toBe(0);
      });

      it('compares positions as numbers, not as text', async () => {
        await given(created(acme, ids[0]), loggedIn(acme, ids[0], 9, '198.51.100.9'));
        await given(loggedIn(acme, ids[0], 10, '198.51.100.10'));
        expect((await get(acme, ids[0]))?.lastLoginIp).toBe('198.51.100.10');
      });

      it('applies calls made before the previous one resolved in call order, so none is skipped', async () => {
        // Out of order, the login (position 2) would land first and the disable (position 1) be skipped.
        await Promise.all([
          given(created(acme, ids[0])),
          given(disabled(acme, ids[0], 'UserDisabled', 1)),
          given(loggedIn(acme, ids[0], 2, '198.51.100.2')),
        ]);
        expect(await get(acme, ids[0])).toMatchObject({ status: 'disabled', lastLoginIp: '198.51.100.2' });
      });

      it('tracks positions per source stream, so equal positions from two streams both apply', async () => {
        await given(created(acme, ids[0]), toggled(acme, ids[0], admin, true, 0));
        expect(await get(acme, ids[0])).toMatchObject({ roles: [admin], createdAt: at(0) });
      });
    });

    describe('roles', () => {
      it('adds and removes roles, keeping each once and in the order first granted', async () => {
        await given(created(acme, testUserId(1)), toggled(acme, testUserId(1), admin, true, 0));
        await given(
          toggled(acme, testUserId(1), viewer, true, 1),
          toggled(acme, testUserId(1), admin, true, 2),
        );
        expect((await get(acme, testUserId(1)))?.roles).toEqual([admin, viewer]);
        await given(toggled(acme, testUserId(1), admin, false, 3));
        expect((await get(acme, testUserId(1)))?.roles).toEqual([viewer]);
        await given(
          toggled(acme, testUserId(1), viewer, false, 4),
          toggled(acme, testUserId(1), viewer, false, 5),
        );
        expect((await get(acme, testUserId(1)))?.roles).toEqual([]);
      });

      it('keeps roles toggled before the user exists and shows them once the user is created', async () => {
        await given(
          toggled(acme, testUserId(1), admin, true, 0),
          toggled(acme, testUserId(1), viewer, true, 1),
        );
        await given(toggled(acme, testUserId(1), viewer, false, 2));
        expect(await get(acme, testUserId(1))).toBeNull();
        expect(await page(acme, { anyOf: [[`role:${admin}`]] })).toEqual({ rows: [], total: 0, more: false });
        expect(await store.count(model, acme)).toBe(0);
        await given(created(acme, testUserId(1)));
        expect((await page(acme, { anyOf: [[`role:${admin}`]] })).rows.map((row) => row.roles)).toEqual([
          [admin],
        ]);
      });
    });

    describe('logins', () => {
      it('records the latest login time, address and channel', async () => {
        await given(created(acme, testUserId(1)), loggedIn(acme, testUserId(1), 1, '203.0.113.1'));
        const login = { lastLoginAt: at(1), lastLoginIp: '203.0.113.1', lastLoginChannel: 'password' };
        expect(await get(acme, testUserId(1))).toMatchObject(login);
        await given(loggedIn(acme, testUserId(1), 2, '2001:db8::1'));
        const later = { lastLoginAt: at(2), lastLoginIp: '2001:db8::1', firstName: 'Ada' };
        expect((await page(acme, { limit: 1 })).rows[0]).toMatchObject(later);
      });
    });
  });
}
