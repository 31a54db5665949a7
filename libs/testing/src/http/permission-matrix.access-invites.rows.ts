import { type Context, inDays, type PrepareKit, type Row, user } from './permission-matrix.kit';
import { newUserBody } from './scenario';

const invites = (c: Context) => `/v1/accounts/${c.accountId}/invites`;
const access = (c: Context) => `${user(c)}/access-controls`;

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

/** A device the developer registers from their own session (no one else may register it). */
const developerDevice = async ({ account, developer }: PrepareKit) => {
  const path = `/v1/accounts/${account.accountId}/users/${developer.userId}/access-controls/mobile-devices`;
  const registered = await developer.client.post<{ deviceId: string }>(path, {
    name: `matrix ${Math.random().toString(36).slice(2)}`,
    platform: 'android',
  });
  if (registered.status !== 201) throw new Error(`registering a device failed: ${registered.status}`);
  return { deviceId: registered.body.deviceId };
};

/** The access-control and invites endpoints of docs/permissions.md, with who may and who may not call them. */
export const accessAndInviteRows: Row[] = [
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
    endpoint: 'PUT /v1/accounts/:accountId/users/:userId/access-controls/two-factor',
    request: (c) => ({ method: 'PUT', path: `${access(c)}/two-factor`, body: { channel: 'voice' } }),
    allowed: 'admin',
    refused: 'manager',
  },
  {
    endpoint: 'DELETE /v1/accounts/:accountId/users/:userId/access-controls/mobile-devices/:deviceId',
    prepare: developerDevice,
    request: (c) => ({
      method: 'DELETE',
      path: `/v1/accounts/${c.accountId}/users/${c.developer.userId}/access-controls/mobile-devices/${c.made['deviceId']}`,
    }),
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
