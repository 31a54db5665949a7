import type { AccessRefused } from '@gatehouse/contracts';
import { type ApiClient, eventually } from './api-client';
import type { CredentialsStack } from './basic-auth.scenarios';
import { openAccount, type OpenedAccount } from './scenario';
import type { MovableClock } from './session-expiry.scenarios';
import { type LifecycleStack, login, type Member, newMember } from './user-lifecycle.kit';

type Listed = AccessRefused['data'] & { position: number };
interface Page {
  items: Listed[];
  nextCursor: number | null;
}

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Every refusal is a record or counted in one: the records and their counts add up. */
const total = (items: readonly Listed[]) => items.reduce((sum, item) => sum + 1 + item.suppressed, 0);

/** How an account's admin reads a user's refusals, and waits for one to be recorded (off the request). */
function refusalsOf(account: OpenedAccount) {
  const path = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}/access-refusals`;
  const list = async (userId: string, query = 'limit=200'): Promise<Page> => {
    const page = await account.admin.get<Page>(`${path(userId)}?${query}`);
    if (page.status !== 200) throw new Error(`listing refusals: ${page.status} ${JSON.stringify(page.body)}`);
    return page.body;
  };
  const recorded = (userId: string, match: (item: Listed) => boolean, timeoutMs = 15_000) =>
    eventually(async () => {
      const { items } = await list(userId);
      const found = items.find(match);
      if (!found) throw new Error(`no such refusal yet among ${JSON.stringify(items)}`);
      return found;
    }, timeoutMs);
  return { path, list, recorded };
}

async function revokedKeyOf(account: OpenedAccount, userId: string): Promise<{ key: string; keyId: string }> {
  const keys = `/v1/accounts/${account.accountId}/users/${userId}/api-keys`;
  const issued = await account.admin.post<{ key: string; keyId: string }>(keys, {
    name: `revoked-${Date.now()}`,
    expiresAt: inDays(1),
  });
  if (issued.status !== 201) throw new Error(`issuing a key failed: ${issued.status}`);
  const revoked = await account.admin.delete(`${keys}/${issued.body.keyId}`);
  if (revoked.status !== 204) throw new Error(`revoking a key failed: ${revoked.status}`);
  return issued.body;
}

/** `times` requests with a credential, `parallel` at a time; every answer's status. */
async function flood(client: ApiClient, path: string, times: number, parallel = 10): Promise<number[]> {
  const statuses: number[] = [];
  for (let sent = 0; sent < times; sent += parallel) {
    const batch = Array.from({ length: Math.min(parallel, times - sent) }, () => client.get(path));
    statuses.push(...(await Promise.all(batch)).map((response) => response.status));
  }
  return statuses;
}

/**
 * Refusals of known users, recorded for admins in both runtime modes: the caller's answer stays the
 * uniform one, the reason lands on the user's refusals stream (whichever service refused), and a flood
 * stores a bounded number of records.
 */
export function accessRefusalsScenarios(stack: () => CredentialsStack): void {
  describe('refusals recorded for admins', () => {
    let account: OpenedAccount;
    let member: Member;
    let refusals: ReturnType<typeof refusalsOf>;
    const user = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;
    const setList = (userId: string, ...addresses: string[]) =>
      account.admin.request('PUT', `${user(userId)}/access-controls/ip-safelist`, {
        entries: addresses.map((address) => ({ address })),
      });

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      member = await newMember(stack(), account);
      refusals = refusalsOf(account);
    });

    it('answers a login from outside the safelist as a wrong password, records why, and never locks the user', async () => {
      const unknown = await login(stack(), `nobody.${member.username}`, member.password);
      expect((await setList(member.userId, '203.0.113.7')).status).toBe(200);
      // More than the lockout's five failures: none of them may count as one.
      for (let attempt = 0; attempt < 7; attempt++) {
        const outside = await login(stack(), member.username, member.password);
        expect({ status: outside.status, body: outside.body }).toEqual({
          status: unknown.status,
          body: unknown.body,
        });
      }
      const refusal = await refusals.recorded(member.userId, (item) => item.reason === 'outside-safelist');
      expect(refusal).toMatchObject({ channel: 'password-login', protocol: null, keyId: null });
      expect(refusal.ip).toMatch(/127\.0\.0\.1$/);
      expect((await setList(member.userId)).status).toBe(200);
      const status = await account.admin.get<{ status: string }>(user(member.userId));
      expect(status.body.status).toBe('active');
      expect((await login(stack(), member.username, member.password)).status).toBe(201);
    });

    it('records basic authentication over a protocol not allowed, answered as a wrong password', async () => {
      const authorization = basic(member.username, member.password);
      const wrong = await stack().users.get(user(member.userId), {
        authorization: basic(member.username, 'Wrong-password-1!'),
      });
      const refused = await stack().users.get(user(member.userId), { authorization });
      expect({ status: refused.status, body: refused.body }).toEqual({ status: 401, body: wrong.body });
      const refusal = await refusals.recorded(
        member.userId,
        (item) => item.reason === 'protocol-not-allowed',
      );
      expect(refusal).toMatchObject({ channel: 'basic-auth', protocol: 'http' });
    });

    it('records an expired API key with its id, never the key', async () => {
      const keys = `${user(member.userId)}/api-keys`;
      const issued = await member.client.post<{ key: string; keyId: string }>(keys, {
        name: 'short-lived',
        expiresAt: new Date(Date.now() + 2_000).toISOString(),
      });
      expect(issued.status).toBe(201);
      await sleep(2_500);
      expect((await stack().users.as(issued.body.key).get(user(member.userId))).status).toBe(401);
      const refusal = await refusals.recorded(member.userId, (item) => item.reason === 'api-key-expired');
      expect(refusal).toMatchObject({ channel: 'api-key', keyId: issued.body.keyId });
      expect(JSON.stringify(await refusals.list(member.userId))).not.toContain(issued.body.key);
    });

    it('stores a bounded number of records for a flood of 200 refusals of one user', async () => {
      const flooded = await newMember(stack(), account);
      const { key } = await revokedKeyOf(account, flooded.userId);
      const began = Date.now();
      const statuses = await flood(stack().users.as(key), user(flooded.userId), 200);
      const windows = 1 + Math.floor((Date.now() - began) / 60_000);
      expect(new Set(statuses)).toEqual(new Set([401]));
      await refusals.recorded(flooded.userId, (item) => item.reason === 'api-key-revoked');
      const { items } = await refusals.list(flooded.userId);
      // One record a minute per reason in each process that refused (one service here).
      expect(items.length).toBeLessThanOrEqual(windows);
      expect(items.every((item) => item.reason === 'api-key-revoked')).toBe(true);
      expect(total(items)).toBeLessThanOrEqual(200);
    });

    it('lists newest first in pages, to the user themselves and to no other account', async () => {
      const all = await refusals.list(member.userId);
      expect(all.items.length).toBeGreaterThanOrEqual(3);
      const positions = all.items.map((item) => item.position);
      expect(positions).toEqual([...positions].sort((a, b) => b - a));
      const first = await refusals.list(member.userId, 'limit=2');
      expect(first.items).toEqual(all.items.slice(0, 2));
      const second = await refusals.list(member.userId, `limit=2&cursor=${first.nextCursor}`);
      expect(second.items).toEqual(all.items.slice(2, 4));
      const own = await member.client.get<Page>(refusals.path(member.userId));
      expect(own.status).toBe(200);
      const other = await openAccount(stack().users, stack().operatorToken);
      const foreign = await other.admin.get(refusals.path(member.userId));
      expect(foreign.status).toBe(404);
      const invalid = await account.admin.get(`${refusals.path(member.userId)}?cursor=0`);
      expect(invalid.status).toBe(400);
    });
  });
}

/**
 * The counts add up: run where time can be moved (the embedded runtime with a MovableClock), so the
 * minute after a flood passes at once and the next refusal carries the count of those held back.
 */
export function accessRefusalCountScenarios(stack: () => LifecycleStack, clock: () => MovableClock): void {
  describe('refusals held back by the throttle', () => {
    it('are counted into the next record once the minute has passed', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      const refusals = refusalsOf(account);
      const { key } = await revokedKeyOf(account, account.adminUserId);
      const path = `/v1/accounts/${account.accountId}/users/${account.adminUserId}`;
      const statuses = await flood(stack().users.as(key), path, 200);
      expect(new Set(statuses)).toEqual(new Set([401]));
      await refusals.recorded(account.adminUserId, (item) => item.reason === 'api-key-revoked');
      clock().advanceMinutes(1);
      expect((await stack().users.as(key).get(path)).status).toBe(401);
      const items = await eventually(async () => {
        const listed = await refusals.list(account.adminUserId);
        if (total(listed.items) < 201) throw new Error(`counted ${total(listed.items)} so far`);
        return listed.items;
      });
      expect(total(items)).toBe(201);
      expect(items.length).toBeLessThanOrEqual(3);
      expect(items[0].suppressed).toBeGreaterThan(0);
    });
  });
}
