import { eventually } from './api-client';
import { createUser, type Problem, problemOf, type Role, toggle } from './roles.requests';
import { rolesMemberScenarios } from './roles-members.scenarios';
import { openAccount, type OpenedAccount } from './scenario';
import type { LifecycleStack } from './user-lifecycle.kit';

/** The roles catalog and role toggles over HTTP, run against embedded and distributed stacks alike. */
export function rolesScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const rolesPath = () => `/v1/accounts/${account.accountId}/roles`;
  const userRolesPath = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}/roles`;

  describe('the role catalog', () => {
    it('lists the built-in roles with their permissions, versioned by ETag', async () => {
      const listed = await account.admin.get<{ items: Role[] }>(rolesPath());
      expect(listed.status).toBe(200);
      expect(listed.headers.get('etag')).toMatch(/^"\d+"$/);
      expect(listed.body.items).toEqual(
        expect.arrayContaining([
          {
            id: 'account-admin',
            name: 'Account admin',
            builtIn: true,
            permissions: ['users:read', 'users:manage', 'roles:manage', 'access:manage', 'audit:read'],
          },
          { id: 'support', name: 'Support', builtIn: true, permissions: ['users:read'] },
        ]),
      );
    });

    it('defines a custom role, names it by Location and refuses a clashing name (409)', async () => {
      const name = `Helpdesk ${Date.now().toString(36)}`;
      const defined = await account.admin.post<{ roleId: string }>(rolesPath(), {
        name,
        permissions: ['users:read'],
      });
      expect(defined.status).toBe(201);
      expect(defined.body.roleId).toMatch(/^custom-[0-9a-f-]{36}$/);
      expect(defined.headers.get('location')).toBe(`${rolesPath()}/${defined.body.roleId}`);
      const fetched = await account.admin.get<Role>(`${rolesPath()}/${defined.body.roleId}`);
      expect(fetched.body).toEqual({
        id: defined.body.roleId,
        name,
        builtIn: false,
        permissions: ['users:read'],
      });
      const clash = await account.admin.post<Problem>(rolesPath(), {
        name: ` ${name.toUpperCase()} `,
        permissions: [],
      });
      expect(clash.status).toBe(409);
      expect(clash.headers.get('content-type')).toContain('application/problem+json');
      expect(clash.body).toMatchObject({ code: 'ROLE_NAME_TAKEN', errors: [{ field: 'name' }] });
    });

    it('keeps roles:manage to the Account admin role (422) and refuses unknown permissions (400)', async () => {
      const reserved = await account.admin.post<Problem>(rolesPath(), {
        name: 'Deputy',
        permissions: ['roles:manage'],
      });
      expect(reserved.status).toBe(422);
      expect(reserved.body).toMatchObject({
        code: 'PERMISSION_NOT_DELEGABLE',
        errors: [{ field: 'permissions' }],
      });
      const invalid = await account.admin.post<Problem>(rolesPath(), {
        name: '',
        permissions: ['users:delete'],
      });
      expect(invalid.status).toBe(400);
      const rules = invalid.body.errors?.map((error) => `${error.field}:${error.rule}`);
      expect(rules).toEqual(expect.arrayContaining(['name:isLength', 'permissions:isIn']));
    });
  });

  describe('when an Account admin toggles a role', () => {
    it("turns a custom role on and off, shown at once in the user's roles and later in the list", async () => {
      const userId = await createUser(account);
      const defined = await account.admin.post<{ roleId: string }>(rolesPath(), {
        name: `Readers ${Date.now().toString(36)}`,
        permissions: ['users:read'],
      });
      const on = await toggle(account.admin, account, userId, defined.body.roleId, true);
      expect(on.status).toBe(204);
      expect(on.headers.get('etag')).toMatch(/^"\d+"$/);
      const held = await account.admin.get<{ roles: Role[]; permissions: string[] }>(userRolesPath(userId));
      expect(held.body.roles.map((role) => role.id)).toEqual([defined.body.roleId]);
      expect(held.body.permissions).toEqual(['users:read']);
      await eventually(async () => {
        const listed = await stack().projections.as(account.adminToken).get<{
          items: { id: string; roles: string[] }[];
        }>(`/v1/accounts/${account.accountId}/users?limit=200`);
        expect(listed.body.items.find((item) => item.id === userId)?.roles).toEqual([defined.body.roleId]);
      });
      const off = await toggle(account.admin, account, userId, defined.body.roleId, false);
      expect(off.status).toBe(204);
      const again = await toggle(account.admin, account, userId, defined.body.roleId, false);
      expect(again.status).toBe(204);
      expect(again.headers.get('etag')).toBe(off.headers.get('etag'));
      expect((await account.admin.get<{ roles: Role[] }>(userRolesPath(userId))).body.roles).toEqual([]);
    });

    it('lets a user hold several roles', async () => {
      const userId = await createUser(account);
      expect((await toggle(account.admin, account, userId, 'support', true)).status).toBe(204);
      expect((await toggle(account.admin, account, userId, 'developer', true)).status).toBe(204);
      const held = await account.admin.get<{ roles: Role[]; permissions: string[] }>(userRolesPath(userId));
      expect(held.body.roles.map((role) => role.id)).toEqual(['support', 'developer']);
      expect(held.body.permissions).toEqual(['users:read']);
    });

    it("refuses a role outside the account's catalog and an unknown user (404), and a bad body (400)", async () => {
      const userId = await createUser(account);
      const other = await openAccount(stack().users, stack().operatorToken);
      const foreign = await other.admin.post<{ roleId: string }>(`/v1/accounts/${other.accountId}/roles`, {
        name: 'Foreign',
        permissions: [],
      });
      expect(problemOf(await toggle(account.admin, account, userId, foreign.body.roleId, true))).toEqual({
        status: 404,
        code: 'ROLE_NOT_FOUND',
      });
      expect(problemOf(await toggle(account.admin, account, other.adminUserId, 'support', true))).toEqual({
        status: 404,
        code: 'USER_NOT_FOUND',
      });
      const bad = await account.admin.request<Problem>('PUT', `${userRolesPath(userId)}/support`, {
        enabled: 'yes',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors?.map((error) => `${error.field}:${error.rule}`)).toEqual(['enabled:isBoolean']);
    });
  });

  describe('when an Account admin role would be lost', () => {
    it('keeps the last Account admin (409) and refuses removing your own role (403)', async () => {
      const fresh = await openAccount(stack().users, stack().operatorToken);
      expect(problemOf(await toggle(fresh.admin, fresh, fresh.adminUserId, 'account-admin', false))).toEqual({
        status: 409,
        code: 'LAST_ACCOUNT_ADMIN',
      });
      const second = await createUser(fresh);
      expect((await toggle(fresh.admin, fresh, second, 'account-admin', true)).status).toBe(204);
      expect(problemOf(await toggle(fresh.admin, fresh, fresh.adminUserId, 'account-admin', false))).toEqual({
        status: 403,
        code: 'OWN_ACCOUNT_ADMIN',
      });
      expect((await toggle(fresh.admin, fresh, second, 'account-admin', false)).status).toBe(204);
      const admins = await fresh.admin.get<{ roles: Role[] }>(
        `/v1/accounts/${fresh.accountId}/users/${fresh.adminUserId}/roles`,
      );
      expect(admins.body.roles.map((role) => role.id)).toEqual(['account-admin']);
    });
  });

  describe('when the caller is outside the account or has no session', () => {
    it('hides every roles endpoint of another account (404) and answers 401 without a session', async () => {
      const other = await openAccount(stack().users, stack().operatorToken);
      const userId = await createUser(account);
      const attempts = [
        other.admin.get(rolesPath()),
        other.admin.get(`${rolesPath()}/support`),
        other.admin.post(rolesPath(), { name: 'Intruder', permissions: [] }),
        other.admin.get(userRolesPath(userId)),
        toggle(other.admin, account, userId, 'support', true),
      ];
      expect((await Promise.all(attempts)).map((response) => response.status)).toEqual([
        404, 404, 404, 404, 404,
      ]);
      const anonymous = stack().users;
      const unauthenticated = [
        anonymous.get(rolesPath()),
        anonymous.post(rolesPath(), { name: 'Anyone', permissions: [] }),
        anonymous.get(userRolesPath(userId)),
        toggle(anonymous, account, userId, 'support', true),
      ];
      expect((await Promise.all(unauthenticated)).map((response) => response.status)).toEqual([
        401, 401, 401, 401,
      ]);
    });
  });

  rolesMemberScenarios(stack);
}
