import { newUserBody, type OpenedAccount } from './scenario';
import { type LifecycleStack, login, type Member, strongPassword } from './user-lifecycle.kit';

export type Caller = 'admin' | 'manager' | 'support' | 'developer';

export interface Context {
  readonly accountId: string;
  readonly target: string;
  readonly member: Member;
  /** Ids a row's `prepare` made: an API key or invite of the account, a session of `developer`. */
  readonly made: Readonly<Record<string, string>>;
  /** The member with no permissions, whose sessions the session rows end. */
  readonly developer: Member;
}

export interface Row {
  readonly endpoint: string;
  readonly request: (context: Context) => { method: string; path: string; body?: unknown };
  /** A caller whose permission suffices: authorisation passes (whatever the business answer). */
  readonly allowed: Caller;
  /** A caller of the same account lacking the permission (403); absent when every user may call it. */
  readonly refused?: Caller;
  /** Makes what the request names (as the account's admin), before each call. */
  readonly prepare?: (kit: PrepareKit) => Promise<Record<string, string>>;
}

export interface PrepareKit {
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
export const rows: Row[] = [
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
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/access-refusals',
    request: (c) => ({ method: 'GET', path: `${user(c)}/access-refusals` }),
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
export const coveredElsewhere: Record<string, string> = {
  'DELETE /v1/sessions/current': "no account in the path: logout ends only the caller's own session",
};
