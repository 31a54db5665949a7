import type { ApiClient } from './api-client';
import { createUser, problemOf, toggle } from './roles.requests';
import { openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, newMember } from './user-lifecycle.kit';

/**
 * Roles as users other than the account's first admin live them: each request judged by the caller's
 * roles as they are when it arrives. Members get a password through lockout, unlock and reset.
 */
export function rolesMemberScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const usersPath = () => `/v1/accounts/${account.accountId}/users`;
  const listUsers = (token: string) => stack().projections.as(token).get(usersPath());
  const users = (token: string): ApiClient => stack().users.as(token);
  /** A logged-in user holding `roles`, granted by the admin after the member logged in. */
  async function createMember(roles: string[] = []) {
    const member = await newMember(stack(), account);
    for (const roleId of roles) {
      const granted = await toggle(account.admin, account, member.userId, roleId, true);
      if (granted.status !== 204)
        throw new Error(`grant failed: ${granted.status} ${JSON.stringify(granted.body)}`);
    }
    return member;
  }

  describe('when the caller is not an Account admin', () => {
    it('refuses toggling and defining roles (403), even with users:manage', async () => {
      const other = await createUser(account);
      const manager = users((await createMember(['user-manager'])).token);
      expect(problemOf(await toggle(manager, account, other, 'support', true))).toEqual({
        status: 403,
        code: 'PERMISSION_REQUIRED',
      });
      const defined = await manager.post(`/v1/accounts/${account.accountId}/roles`, {
        name: 'Self-made',
        permissions: [],
      });
      expect(problemOf(defined)).toEqual({ status: 403, code: 'PERMISSION_REQUIRED' });
    });

    it("lets users:read list users and read others' roles, and anyone read their own roles", async () => {
      const support = (await createMember(['support'])).token;
      const developerMember = await createMember(['developer']);
      const developer = developerMember.token;
      expect((await listUsers(support)).status).toBe(200);
      expect((await users(support).get(`${usersPath()}/${developerMember.userId}/roles`)).status).toBe(200);
      expect(problemOf(await listUsers(developer))).toEqual({ status: 403, code: 'PERMISSION_REQUIRED' });
      expect((await users(developer).get(`${usersPath()}/${account.adminUserId}/roles`)).status).toBe(403);
      expect((await users(developer).get(`${usersPath()}/${developerMember.userId}/roles`)).status).toBe(200);
    });

    it('grants what a custom role carries', async () => {
      const defined = await account.admin.post<{ roleId: string }>(
        `/v1/accounts/${account.accountId}/roles`,
        {
          name: `Auditors ${Date.now().toString(36)}`,
          permissions: ['users:read'],
        },
      );
      const auditor = (await createMember([defined.body.roleId])).token;
      expect((await listUsers(auditor)).status).toBe(200);
    });
  });

  describe('when a role is toggled while its holder is logged in', () => {
    it("judges the holder's very next request by the new roles, on every service", async () => {
      const target = await createUser(account);
      const member = await createMember();
      const token = member.token;
      expect((await toggle(users(token), account, target, 'support', true)).status).toBe(403);

      expect((await toggle(account.admin, account, member.userId, 'account-admin', true)).status).toBe(204);
      expect((await toggle(users(token), account, target, 'support', true)).status).toBe(204);
      expect((await listUsers(token)).status).toBe(200);

      expect((await toggle(account.admin, account, member.userId, 'account-admin', false)).status).toBe(204);
      expect((await listUsers(token)).status).toBe(403);
      expect((await toggle(users(token), account, target, 'support', false)).status).toBe(403);
    });
  });
}
