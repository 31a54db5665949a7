import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from './api-client';
import type { Route } from '../routes/route-table';
import { type Caller, type Context, coveredElsewhere, type Row, rows } from './permission-matrix.rows';
import { toggle } from './roles.requests';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, type Member, newMember } from './user-lifecycle.kit';
const denied = [401, 403, 404];

/**
 * The authorisation matrix, for every account-scoped endpoint: an allowed role passes, a role without the
 * permission gets 403, the admin of another account gets 404 (no existence leak), no session gets 401.
 */
export function permissionMatrixScenarios(
  stack: () => LifecycleStack,
  routes?: () => Promise<readonly Route[]>,
): void {
  describe('permission matrix', () => {
    let account: OpenedAccount;
    let other: OpenedAccount;
    const callers = new Map<Caller, Member>();
    let sessionOwner: Member;

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      other = await openAccount(stack().users, stack().operatorToken);
      for (const [caller, role] of [
        ['manager', 'user-manager'],
        ['support', 'support'],
        ['developer', 'developer'],
      ] as const) {
        const member = await newMember(stack(), account);
        const granted = await toggle(account.admin, account, member.userId, role, true);
        if (granted.status !== 204) throw new Error(`granting ${role} failed: ${granted.status}`);
        callers.set(caller, member);
      }
      sessionOwner = await newMember(stack(), account);
    }, 120_000);

    // The list is served by the projections service; everything else by the users service.
    const serviceOf = (row: Row): ApiClient =>
      row.endpoint === 'GET /v1/accounts/:accountId/users' ||
      row.endpoint === 'GET /v1/accounts/:accountId/users/export.csv'
        ? stack().projections
        : stack().users;

    const memberOf = (caller: Caller): Member => {
      const member = callers.get(caller) ?? callers.get('developer');
      if (!member) throw new Error('the members were not set up');
      return member;
    };
    const clientOf = (caller: Caller): ApiClient =>
      caller === 'admin' ? account.admin : memberOf(caller).client;

    const contextOf = async (caller: Caller, row: Row): Promise<Context> => {
      const target = await createTarget(account);
      // Not the developer: the password row changes the developer's password.
      const developer = sessionOwner;
      const made = row.prepare ? await row.prepare({ stack: stack(), account, target, developer }) : {};
      return { accountId: account.accountId, target, member: memberOf(caller), made, developer };
    };

    if (routes) {
      it('covers every route behind the edge guard that the runtime registers', async () => {
        const guarded = (await routes()).filter((route) => route.guarding === 'principal');
        const listed = new Set([...rows.map((row) => row.endpoint), ...Object.keys(coveredElsewhere)]);
        expect(guarded.map((route) => route.key).filter((key) => !listed.has(key))).toEqual([]);
      });
    }

    const call = async (client: ApiClient, row: Row, caller: Caller): Promise<ApiResponse> => {
      const { method, path, body } = row.request(await contextOf(caller, row));
      return serviceOf(row)
        .as(client.token ?? '')
        .request(method, path, body);
    };

    it.each(rows)('$endpoint: allowed for $allowed', async (row) => {
      const response = await call(clientOf(row.allowed), row, row.allowed);
      expect(denied).not.toContain(response.status);
    });

    const refusable = rows.flatMap((row) => (row.refused ? [{ ...row, refused: row.refused }] : []));
    it.each(refusable)('$endpoint: 403 for $refused', async (row) => {
      const response = await call(clientOf(row.refused), row, row.refused);
      expect(response.status).toBe(403);
    });

    it.each(rows)(
      '$endpoint: 404 for another account, as for an account that does not exist',
      async (row) => {
        const context = await contextOf('admin', row);
        const { method, path, body } = row.request(context);
        const response = await serviceOf(row).as(other.adminToken).request(method, path, body);
        const missing = path.replace(account.accountId, randomUUID());
        const absent = await serviceOf(row).as(other.adminToken).request(method, missing, body);
        expect(response.status).toBe(404);
        expect(JSON.stringify(response.body)).toBe(JSON.stringify(absent.body));
      },
    );

    it.each(rows)('$endpoint: 401 without a session or with a forged one', async (row) => {
      const { method, path, body } = row.request(await contextOf('developer', row));
      expect((await serviceOf(row).request(method, path, body)).status).toBe(401);
      const forged = `ghs.${account.adminUserId}.${randomUUID()}.${'A'.repeat(43)}`;
      expect((await serviceOf(row).as(forged).request(method, path, body)).status).toBe(401);
    });
  });
}

async function createTarget(account: OpenedAccount): Promise<string> {
  const created = await account.admin.post<{ userId: string }>(
    `/v1/accounts/${account.accountId}/users`,
    newUserBody(),
  );
  if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
  return created.body.userId;
}
