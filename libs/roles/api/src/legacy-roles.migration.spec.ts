import { InMemoryEventStore, NO_STREAM, START, StateCache } from '@gatehouse/event-store';
import { newTestEvent } from '@gatehouse/testing';
import { Grants } from '@gatehouse/identity';
import { migrateLegacyRolesStreams } from './legacy-roles.migration';

const toggled = (userId: string, roleId: string, enabled = true) =>
  newTestEvent({ type: 'RoleToggled', accountId: 'a1', data: { userId, roleId, enabled } });

/** An installation as the account-wide roles stream left it. */
async function legacyStore(): Promise<InMemoryEventStore> {
  const store = new InMemoryEventStore();
  await store.append(
    'roles-a1',
    [
      toggled('u1', 'account-admin'),
      newTestEvent({
        type: 'RoleDefined',
        accountId: 'a1',
        data: { roleId: 'custom-1', name: 'Billing', permissions: ['users:read'] },
      }),
      toggled('u2', 'custom-1'),
      toggled('u2', 'developer'),
      toggled('u2', 'developer', false),
    ],
    NO_STREAM,
  );
  await store.append('user-u1', [newTestEvent({ accountId: 'a1' })], NO_STREAM);
  return store;
}

const rolesOf = (store: InMemoryEventStore) => new Grants(new StateCache(store));

describe('moving legacy roles streams at start', () => {
  it('gives every user the roles and permissions they held, and the account its catalog and admins', async () => {
    const store = await legacyStore();
    expect(await migrateLegacyRolesStreams(store)).toBe(4);
    const roles = rolesOf(store);
    expect(await roles.grantsOf('a1', 'u2')).toEqual({
      roles: new Set(['custom-1']),
      permissions: new Set(['users:read']),
    });
    expect((await roles.grantsOf('a1', 'u1')).roles).toEqual(new Set(['account-admin']));
    expect((await store.readStream('role-admins-a1')).map((event) => event.data)).toEqual([{ userId: 'u1' }]);
  });

  it('runs once: a later start and concurrent starts write nothing twice', async () => {
    const store = await legacyStore();
    await Promise.all([migrateLegacyRolesStreams(store), migrateLegacyRolesStreams(store)]);
    const count = (await store.readAll({ after: START, maxCount: 100 })).length;
    expect(count).toBe(6 + 4);
    expect(await migrateLegacyRolesStreams(store)).toBe(0);
    expect((await store.readAll({ after: START, maxCount: 100 })).length).toBe(count);
  });

  it('leaves a user whose roles changed in the new layout as they are now', async () => {
    const store = await legacyStore();
    await store.append('role-assignments-u2', [toggled('u2', 'analyst')], NO_STREAM);
    await migrateLegacyRolesStreams(store);
    expect((await rolesOf(store).rolesOf('u2')).roles).toEqual(new Set(['analyst']));
  });
});
