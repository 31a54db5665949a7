import { accessAndInviteRows } from './permission-matrix.access-invites.rows';
import { type PrepareKit, type Row, user, users } from './permission-matrix.kit';
import { newUserBody } from './scenario';
import { login, strongPassword } from './user-lifecycle.kit';

export type { Caller, Context, Row } from './permission-matrix.kit';

/** A fresh session of the developer (its id is the token's third part), for ending it. */
const developerSession = async ({ stack, developer }: PrepareKit) => {
  const session = await login(stack, developer.username, developer.password);
  if (session.status !== 201) throw new Error(`login failed: ${session.status}`);
  return { sessionId: session.body.token.split('.')[2] };
};

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
    endpoint: 'DELETE /v1/accounts/:accountId/users/:userId/deletion-request',
    request: (c) => ({ method: 'DELETE', path: `${user(c)}/deletion-request` }),
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
    endpoint: 'POST /v1/accounts/:accountId/users/:userId/password-reset',
    request: (c) => ({ method: 'POST', path: `${user(c)}/password-reset` }),
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
  ...accessAndInviteRows,
  {
    endpoint: 'GET /v1/accounts/:accountId/events',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/events` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/streams/:streamId/events',
    request: (c) => ({ method: 'GET', path: `/v1/accounts/${c.accountId}/streams/user-${c.target}/events` }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'GET /v1/accounts/:accountId/users/:userId/state',
    request: (c) => ({ method: 'GET', path: `${user(c)}/state?at=${new Date().toISOString()}` }),
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
  'POST /v1/accounts/:accountId/users/:userId/access-controls/mobile-devices':
    'the user themselves only, every caller else refused: sign-in-settings.scenarios.ts',
};
