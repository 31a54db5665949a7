import type { ApiClient, ApiResponse } from './api-client';
import { toggle } from './roles.requests';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, type Member, newMember, strongPassword } from './user-lifecycle.kit';

type Caller = 'admin' | 'manager' | 'support' | 'developer';

interface Context {
  readonly accountId: string;
  readonly target: string;
  readonly member: Member;
}

interface Row {
  readonly endpoint: string;
  readonly request: (context: Context) => { method: string; path: string; body?: unknown };
  /** A caller whose permission suffices: authorisation passes (whatever the business answer). */
  readonly allowed: Caller;
  /** A caller of the same account lacking the permission (403); absent when every user may call it. */
  readonly refused?: Caller;
}

const users = (c: Context) => `/v1/accounts/${c.accountId}/users`;
const user = (c: Context) => `${users(c)}/${c.target}`;

/** Every account-scoped endpoint of docs/permissions.md, with who may and who may not call it. */
const rows: Row[] = [
  {
    endpoint: 'GET users (list)',
    request: (c) => ({ method: 'GET', path: users(c) }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'GET users/export.csv',
    request: (c) => ({ method: 'GET', path: `${users(c)}/export.csv` }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'POST users',
    request: (c) => ({ method: 'POST', path: users(c), body: newUserBody() }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'GET user',
    request: (c) => ({ method: 'GET', path: user(c) }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'PATCH user',
    request: (c) => ({ method: 'PATCH', path: user(c), body: { firstName: 'Edited' } }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'PUT contact-info',
    request: (c) => ({
      method: 'PUT',
      path: `${user(c)}/contact-info`,
      body: { email: `edited.${c.target}@example.com`, mobile: null },
    }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST password (self only)',
    request: (c) => ({
      method: 'POST',
      path: `${users(c)}/${c.member.userId}/password`,
      body: { currentPassword: c.member.password, newPassword: strongPassword() },
    }),
    allowed: 'developer',
    refused: 'admin',
  },
  {
    endpoint: 'POST disable',
    request: (c) => ({ method: 'POST', path: `${user(c)}/disable` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST enable',
    request: (c) => ({ method: 'POST', path: `${user(c)}/enable` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST deletion-request',
    request: (c) => ({ method: 'POST', path: `${user(c)}/deletion-request` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST unlock',
    request: (c) => ({ method: 'POST', path: `${user(c)}/unlock` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET settings',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/settings` }),
    allowed: 'developer',
  },
  {
    endpoint: 'PUT settings',
    request: (c) => ({
      method: 'PUT',
      path: `/v1/accounts/${c.accountId}/settings`,
      body: {
        passwordPolicy: { minLength: 12, minCharacterClasses: 3 },
        lockout: { maxFailures: 5, windowMinutes: 15 },
      },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET roles',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/roles` }),
    allowed: 'developer',
  },
  {
    endpoint: 'GET role',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/roles/developer` }),
    allowed: 'developer',
  },
  {
    endpoint: 'POST roles',
    request: (c) => ({
      method: 'POST',
      path: `/v1/accounts/${c.accountId}/roles`,
      body: { name: `Auditors ${c.target}`, permissions: ['users:read'] },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET user roles',
    request: (c) => ({ method: 'GET', path: `${user(c)}/roles` }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'PUT user role',
    request: (c) => ({ method: 'PUT', path: `${user(c)}/roles/analyst`, body: { enabled: true } }),
    allowed: 'admin',
    refused: 'manager',
  },
];

const denied = [401, 403, 404];

/**
 * The authorisation matrix, for every account-scoped endpoint: an allowed role passes, a role without the
 * permission gets 403, the admin of another account gets 404 (no existence leak), no session gets 401.
 */
export function permissionMatrixScenarios(stack: () => LifecycleStack): void {
  describe('permission matrix', () => {
    let account: OpenedAccount;
    let other: OpenedAccount;
    const callers = new Map<Caller, Member>();

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
    }, 60_000);

    // The list is served by the projections service; everything else by the users service.
    const serviceOf = (row: Row): ApiClient =>
      row.endpoint === 'GET users (list)' || row.endpoint === 'GET users/export.csv'
        ? stack().projections
        : stack().users;

    const memberOf = (caller: Caller): Member => {
      const member = callers.get(caller) ?? callers.get('developer');
      if (!member) throw new Error('the members were not set up');
      return member;
    };
    const clientOf = (caller: Caller): ApiClient =>
      caller === 'admin' ? account.admin : memberOf(caller).client;

    const call = async (client: ApiClient, row: Row, caller: Caller): Promise<ApiResponse> => {
      const target = await createTarget(account);
      const member = memberOf(caller);
      const { method, path, body } = row.request({ accountId: account.accountId, target, member });
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

    it.each(rows)('$endpoint: 404 for another account', async (row) => {
      const response = await call(other.admin, row, 'admin');
      expect(response.status).toBe(404);
    });

    it.each(rows)('$endpoint: 401 without a session', async (row) => {
      const target = await createTarget(account);
      const { method, path, body } = row.request({
        accountId: account.accountId,
        target,
        member: memberOf('developer'),
      });
      expect((await serviceOf(row).request(method, path, body)).status).toBe(401);
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
