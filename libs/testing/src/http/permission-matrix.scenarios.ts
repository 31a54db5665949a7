import { randomUUID } from 'node:crypto';
import type { ApiClient, ApiResponse } from './api-client';
import type { Route } from '../routes/route-table';
import { toggle } from './roles.requests';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, login, type Member, newMember, strongPassword } from './user-lifecycle.kit';

type Caller = 'admin' | 'manager' | 'support' | 'developer';

interface Context {
  readonly accountId: string;
  readonly target: string;
  readonly member: Member;
  /** Ids a row's `prepare` made: an API key or invite of the account, a session of `developer`. */
  readonly made: Readonly<Record<string, string>>;
  /** The member with no permissions, whose sessions the session rows end. */
  readonly developer: Member;
}

interface Row {
  readonly endpoint: string;
  readonly request: (context: Context) => { method: string; path: string; body?: unknown };
  /** A caller whose permission suffices: authorisation passes (whatever the business answer). */
  readonly allowed: Caller;
  /** A caller of the same account lacking the permission (403); absent when every user may call it. */
  readonly refused?: Caller;
  /** Makes what the request names (as the account's admin), before each call. */
  readonly prepare?: (kit: PrepareKit) => Promise<Record<string, string>>;
}

interface PrepareKit {
  readonly stack: LifecycleStack;
  readonly account: OpenedAccount;
  readonly target: string;
  readonly developer: Member;
}

const users = (c: Context) => `/v1/accounts/${c.accountId}/users`;
const user = (c: Context) => `${users(c)}/${c.target}`;
const invites = (c: Context) => `/v1/accounts/${c.accountId}/invites`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const issueKey = async ({ account, target }: PrepareKit) => {
  const path = `/v1/accounts/${account.accountId}/users/${target}/api-keys`;
  const issued = await account.admin.post<{ keyId: string }>(path, { name: 'matrix', expiresAt: inDays(30) });
  if (issued.status !== 201) throw new Error(`issuing a key failed: ${issued.status}`);
  return { keyId: issued.body.keyId };
};
const sendInvite = async ({ account }: PrepareKit) => {
  const body = {
    email: String(newUserBody()['email']),
    language: 'en',
    timeZone: 'UTC',
    roles: ['developer'],
  };
  const sent = await account.admin.post<{ inviteId: string }>(
    `/v1/accounts/${account.accountId}/invites`,
    body,
  );
  if (sent.status !== 201) throw new Error(`inviting failed: ${sent.status}`);
  return { inviteId: sent.body.inviteId };
};
/** A fresh session of the developer (its id is the token's third part), for ending it. */
const developerSession = async ({ stack, developer }: PrepareKit) => {
  const session = await login(stack, developer.username, developer.password);
  if (session.status !== 201) throw new Error(`login failed: ${session.status}`);
  return { sessionId: session.body.token.split('.')[2] };
};
const access = (c: Context) => `${user(c)}/access-controls`;

/** Every account-scoped endpoint of docs/permissions.md, with who may and who may not call it. */
const rows: Row[] = [
  {
    endpoint: 'GET /v1/accounts/:accountId/users',
    request: (c) => ({ method: 'GET', path: users(c) }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/export.csv',
    request: (c) => ({ method: 'GET', path: `${users(c)}/export.csv` }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users',
    request: (c) => ({ method: 'POST', path: users(c), body: newUserBody() }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId',
    request: (c) => ({ method: 'GET', path: user(c) }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'PATCH /v1/accounts/:accountId/users/:userId',
    request: (c) => ({ method: 'PATCH', path: user(c), body: { firstName: 'Edited' } }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/users/:userId/contact-info',
    request: (c) => ({
      method: 'PUT',
      path: `${user(c)}/contact-info`,
      body: { email: `edited.${c.target}@example.com`, mobile: null },
    }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/password',
    request: (c) => ({
      method: 'POST',
      path: `${users(c)}/${c.member.userId}/password`,
      body: { currentPassword: c.member.password, newPassword: strongPassword() },
    }),
    allowed: 'developer',
    refused: 'admin',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/disable',
    request: (c) => ({ method: 'POST', path: `${user(c)}/disable` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/enable',
    request: (c) => ({ method: 'POST', path: `${user(c)}/enable` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/deletion-request',
    request: (c) => ({ method: 'POST', path: `${user(c)}/deletion-request` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/unlock',
    request: (c) => ({ method: 'POST', path: `${user(c)}/unlock` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/settings',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/settings` }),
    allowed: 'developer',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/settings',
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
    endpoint: 'GET /v1/accounts/:accountId/roles',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/roles` }),
    allowed: 'developer',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/roles/:roleId',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/roles/developer` }),
    allowed: 'developer',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/roles',
    request: (c) => ({
      method: 'POST',
      path: `/v1/accounts/${c.accountId}/roles`,
      body: { name: `Auditors ${c.target}`, permissions: ['users:read'] },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/roles',
    request: (c) => ({ method: 'GET', path: `${user(c)}/roles` }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/users/:userId/roles/:roleId',
    request: (c) => ({ method: 'PUT', path: `${user(c)}/roles/analyst`, body: { enabled: true } }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/sessions',
    request: (c) => ({ method: 'GET', path: `${user(c)}/sessions` }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'DELETE /v1/accounts/:accountId/users/:userId/sessions/:sessionId',
    prepare: developerSession,
    request: (c) => ({
      method: 'DELETE',
      path: `${users(c)}/${c.developer.userId}/sessions/${c.made['sessionId']}`,
    }),
    allowed: 'manager',
    refused: 'support',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/access-controls',
    request: (c) => ({ method: 'GET', path: access(c) }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/users/:userId/access-controls/ip-safelist',
    request: (c) => ({ method: 'PUT', path: `${access(c)}/ip-safelist`, body: { entries: [] } }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/access-controls/ip-safelist/current-ip',
    request: (c) => ({ method: 'GET', path: `${access(c)}/ip-safelist/current-ip` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/access-controls/ip-safelist/current-ip',
    request: (c) => ({ method: 'POST', path: `${access(c)}/ip-safelist/current-ip`, body: {} }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/users/:userId/access-controls/api-access',
    request: (c) => ({ method: 'PUT', path: `${access(c)}/api-access`, body: { http: false, smpp: false } }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/api-keys',
    request: (c) => ({ method: 'GET', path: `${user(c)}/api-keys` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/api-keys',
    request: (c) => ({
      method: 'POST',
      path: `${user(c)}/api-keys`,
      body: { name: 'matrix', expiresAt: inDays(30) },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/api-keys/:keyId/rotate',
    prepare: issueKey,
    request: (c) => ({
      method: 'POST',
      path: `${user(c)}/api-keys/${c.made['keyId']}/rotate`,
      body: { expiresAt: inDays(30) },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'DELETE /v1/accounts/:accountId/users/:userId/api-keys/:keyId',
    prepare: issueKey,
    request: (c) => ({ method: 'DELETE', path: `${user(c)}/api-keys/${c.made['keyId']}` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/invites',
    request: (c) => ({ method: 'GET', path: invites(c) }),
    allowed: 'support',
    refused: 'developer',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/invites',
    request: (c) => ({
      method: 'POST',
      path: invites(c),
      body: { email: String(newUserBody()['email']), language: 'en', timeZone: 'UTC', roles: ['developer'] },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/invites/:inviteId/resend',
    prepare: sendInvite,
    request: (c) => ({ method: 'POST', path: `${invites(c)}/${c.made['inviteId']}/resend`, body: {} }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'POST /v1/accounts/:accountId/invites/:inviteId/revocation',
    prepare: sendInvite,
    request: (c) => ({ method: 'POST', path: `${invites(c)}/${c.made['inviteId']}/revocation`, body: {} }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/invite-settings',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/invite-settings` }),
    allowed: 'developer',
  },
  {
    endpoint: 'PUT /v1/accounts/:accountId/invite-settings',
    request: (c) => ({
      method: 'PUT',
      path: `/v1/accounts/${c.accountId}/invite-settings`,
      body: { expiryHours: 72 },
    }),
    allowed: 'admin',
    refused: 'manager',
  },
];

/**
 * Routes behind the edge guard that the matrix leaves to other scenarios, each with the reason: nothing
 * else may be missing from it (see `covers every route`).
 */
const coveredElsewhere: Record<string, string> = {
  'DELETE /v1/sessions/current': "no account in the path: logout ends only the caller's own session",
};

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
