import { randomBytes } from 'node:crypto';
import { type ApiClient } from './api-client';

/** Request bodies and flows every end-to-end test needs, in both runtime modes. */
let counter = 0;
export function newUserBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    firstName: 'Grace',
    lastName: 'Hopper',
    email: `grace.${n}@example.com`,
    username: `grace.${n}`,
    language: 'en',
    timeZone: 'America/New_York',
    ...overrides,
  };
}

/**
 * The test admins' password, made per run so no usable credential is committed: 30 characters of four
 * classes, as the fixed one it replaces, so every password-policy case answers as it did.
 */
export const ADMIN_PASSWORD = `Admin pass ${randomBytes(14).toString('base64url').slice(0, 18)}1`;

export interface OpenedAccount {
  readonly accountId: string;
  readonly adminUserId: string;
  readonly adminToken: string;
  readonly admin: ApiClient;
}

/** Opens an account as the operator and logs its first admin in. */
export async function openAccount(
  api: ApiClient,
  operatorToken: string,
  admin = newUserBody({ firstName: 'Ada', lastName: 'Lovelace', password: ADMIN_PASSWORD }),
): Promise<OpenedAccount> {
  const opened = await api
    .as(operatorToken)
    .post<{ accountId: string; adminUserId: string }>('/v1/accounts', {
      name: 'Acme',
      admin,
    });
  if (opened.status !== 201)
    throw new Error(`bootstrap failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  const login = await api.post<{ token: string }>('/v1/sessions', {
    username: admin['username'],
    password: admin['password'] ?? ADMIN_PASSWORD,
  });
  if (login.status !== 201) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return { ...opened.body, adminToken: login.body.token, admin: api.as(login.body.token) };
}
