import { type OutboxMessage, readOutbox } from '@gatehouse/notifications';
import { type ApiClient, type ApiResponse, eventually } from './api-client';
import { newUserBody, type OpenedAccount } from './scenario';
import type { RunningStack } from './users-api.scenarios';

/** A running stack whose users service writes its emails to a file outbox the test can read. */
export interface LifecycleStack extends RunningStack {
  readonly outboxDir: string;
}

export interface Problem {
  readonly code: string;
  readonly errors?: readonly { field: string; rule: string }[];
}

/** Status, code and the fields named, in one value a test can compare. */
export const problemOf = (response: ApiResponse<unknown>) => ({
  status: response.status,
  code: (response.body as Problem).code,
  fields: ((response.body as Problem).errors ?? []).map((error) => error.field),
});

/** Meets the default policy: 12+ characters mixing lowercase, uppercase, digits and symbols. */
export const strongPassword = (): string => `Str0ng-${Math.random().toString(36).slice(2, 10)}!`;

export interface Member {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  /** Logged in as the member, with no roles. */
  readonly client: ApiClient;
  readonly token: string;
}

export async function login(
  stack: RunningStack,
  username: string,
  password: string,
): Promise<ApiResponse<{ token: string }>> {
  return stack.users.post<{ token: string }>('/v1/sessions', { username, password });
}

/**
 * The newest message of a template to an address, waiting until there are more than `seen` of them: emails
 * are sent by a reaction after the request, so one sent earlier must not stand in for the one awaited.
 */
export function messageTo(
  stack: LifecycleStack,
  to: string,
  template: string,
  seen = 0,
): Promise<OutboxMessage> {
  return eventually(async () => {
    const found = (await readOutbox(stack.outboxDir)).filter((m) => m.to === to && m.template === template);
    if (found.length <= seen) throw new Error(`no new ${template} message to ${to} yet`);
    return found[found.length - 1];
  }, 10_000);
}

export async function messagesTo(stack: LifecycleStack, to: string): Promise<OutboxMessage[]> {
  return (await readOutbox(stack.outboxDir)).filter((message) => message.to === to);
}

export function resetTokenIn(message: OutboxMessage): string {
  const match = /[?#&]token=([A-Za-z0-9_.-]+)/.exec(message.text);
  if (!match) throw new Error(`no reset link in: ${message.text}`);
  return match[1];
}

/** Wrong passwords, all at once, until the default limit (5) locks the user. */
export async function lockOut(stack: RunningStack, username: string, attempts = 5): Promise<number[]> {
  const tries = Array.from({ length: attempts }, () => login(stack, username, 'Wrong-password-1!'));
  return (await Promise.all(tries)).map((response) => response.status);
}

/**
 * A user with no roles who can log in. Users are created without a password (invites will set one), so
 * the member gets theirs the way a locked-out user does: lockout, unlock by the admin, reset link.
 */
export async function newMember(stack: LifecycleStack, account: OpenedAccount): Promise<Member> {
  const body = newUserBody();
  const usersPath = `/v1/accounts/${account.accountId}/users`;
  const created = await account.admin.post<{ userId: string }>(usersPath, body);
  if (created.status !== 201)
    throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
  const { userId } = created.body;
  const [username, email] = [String(body['username']), String(body['email'])];
  await lockOut(stack, username);
  const unlocked = await account.admin.post(`${usersPath}/${userId}/unlock`, {});
  if (unlocked.status !== 204)
    throw new Error(`unlock failed: ${unlocked.status} ${JSON.stringify(unlocked.body)}`);
  const password = strongPassword();
  const token = resetTokenIn(await messageTo(stack, email, 'password-reset'));
  const reset = await stack.users.post('/v1/password-resets', { token, newPassword: password });
  if (reset.status !== 204) throw new Error(`reset failed: ${reset.status} ${JSON.stringify(reset.body)}`);
  const session = await login(stack, username, password);
  if (session.status !== 201) throw new Error(`login failed: ${session.status}`);
  return {
    userId,
    username,
    email,
    password,
    client: stack.users.as(session.body.token),
    token: session.body.token,
  };
}

interface Listed {
  items: {
    id: string;
    status: string;
    email: string;
    roles: string[];
    lastLoginAt: string | null;
    deletionRequestedAt: string | null;
  }[];
}

/** The user's row in the users list, once it satisfies `check` (the list is eventually consistent). */
export function listedRow(
  stack: RunningStack,
  account: OpenedAccount,
  userId: string,
  check: (row: Listed['items'][number]) => boolean,
): Promise<Listed['items'][number]> {
  return eventually(async () => {
    const page = await stack.projections
      .as(account.adminToken)
      .get<Listed>(`/v1/accounts/${account.accountId}/users?limit=200`);
    const row = page.body.items.find((item) => item.id === userId);
    if (!row || !check(row)) throw new Error(`row not as expected yet: ${JSON.stringify(row)}`);
    return row;
  });
}
