import type { ApiClient } from './api-client';
import { eventually } from './api-client';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import {
  type LifecycleStack,
  login,
  type Member,
  messageTo,
  newMember,
  problemOf,
  resetTokenIn,
  strongPassword,
} from './user-lifecycle.kit';

interface AccessControls {
  ipSafelist: { address: string; label: string | null }[];
  apiAccess: { http: boolean; smpp: boolean };
}
interface IssuedKey {
  keyId: string;
  key: string;
  prefix: string;
  name: string;
  expiresAt: string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/**
 * Access controls end to end, in both runtime modes: the product's safelist rules, the one edge that
 * refuses every service's requests from outside a user's list (login included), and API keys acting as
 * their owner. The tests call from 127.0.0.1; in distributed mode through the gateway, which replaces any
 * X-Forwarded-For a client sends.
 */
export function accessControlScenarios(stack: () => LifecycleStack): void {
  describe('access controls', () => {
    let account: OpenedAccount;
    let member: Member;
    const base = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;
    const setList = (client: ApiClient, userId: string, ...addresses: string[]) =>
      client.request<AccessControls>('PUT', `${base(userId)}/access-controls/ip-safelist`, {
        entries: addresses.map((address) => ({ address })),
      });

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      member = await newMember(stack(), account);
      // Support gives users:read, so the member also reaches the projections service's list.
      await account.admin.request('PUT', `${base(member.userId)}/roles/support`, { enabled: true });
    });

    describe('when users edit their own safelist', () => {
      afterAll(async () => {
        await setList(account.admin, account.adminUserId);
      });

      it('tells the caller their address as the server sees it, whether it is let in and whether it is listed', async () => {
        const current = () =>
          account.admin.get(`${base(account.adminUserId)}/access-controls/ip-safelist/current-ip`);
        // An empty list lets every address in but holds none: "Add current IP" still has something to add.
        expect((await current()).body).toEqual({ ip: '127.0.0.1', covered: true, listed: false });
        const added = await account.admin.post(
          `${base(account.adminUserId)}/access-controls/ip-safelist/current-ip`,
          {},
        );
        expect(added.body).toEqual({ ip: '127.0.0.1', covered: true, listed: true, added: true });
        expect((await current()).body).toEqual({ ip: '127.0.0.1', covered: true, listed: true });
        await setList(account.admin, account.adminUserId);
      });
      it('refuses a list that would lock the admin out, naming the rule', async () => {
        const saved = await setList(account.admin, account.adminUserId, '203.0.113.0/24');
        expect(problemOf(saved)).toEqual({
          status: 422,
          code: 'IP_SAFELIST_SELF_LOCKOUT',
          fields: ['entries'],
        });
      });
      it('stores a covering list canonical, and adding the current address then changes nothing', async () => {
        const saved = await setList(
          account.admin,
          account.adminUserId,
          '2001:DB8:0::/32',
          '::ffff:127.0.0.1',
        );
        expect(saved.status).toBe(200);
        expect(saved.body.ipSafelist.map((entry) => entry.address)).toEqual(['2001:db8::/32', '127.0.0.1']);
        const added = await account.admin.post(
          `${base(account.adminUserId)}/access-controls/ip-safelist/current-ip`,
          {},
        );
        expect(added.body).toEqual({ ip: '127.0.0.1', covered: true, listed: true, added: false });
      });
      it('refuses bad entries with the entry named', async () => {
        const octal = await setList(account.admin, account.adminUserId, '127.0.0.1', '010.0.0.1');
        expect(problemOf(octal)).toEqual({ status: 422, code: 'IP_ENTRY_INVALID', fields: ['entries'] });
        expect(JSON.stringify(octal.body)).toContain('010.0.0.1');
        const hostBits = await setList(account.admin, account.adminUserId, '127.0.0.1/8');
        expect(problemOf(hostBits).code).toBe('IP_RANGE_HOST_BITS_SET');
      });
      it('lets a non-admin view their own list only', async () => {
        expect((await member.client.get(`${base(member.userId)}/access-controls`)).status).toBe(200);
        expect(problemOf(await setList(member.client, member.userId, '127.0.0.1')).code).toBe(
          'PERMISSION_REQUIRED',
        );
        expect((await member.client.get(`${base(account.adminUserId)}/access-controls`)).status).toBe(403);
      });
    });

    describe("when an admin puts a user's address outside their list", () => {
      beforeAll(async () => {
        const saved = await setList(account.admin, member.userId, '203.0.113.7', '2001:db8::/64');
        if (saved.status !== 200) throw new Error(`safelist not saved: ${saved.status}`);
      });
      afterAll(async () => {
        await setList(account.admin, member.userId);
      });

      it("refuses the user's next request to every service, naming the rule and nothing of the list", async () => {
        const requests = [
          member.client.get(base(member.userId)),
          member.client.get(`${base(member.userId)}/roles`),
          member.client.get(`/v1/accounts/${account.accountId}/users`),
          member.client.get(`${base(member.userId)}/access-controls`),
        ];
        for (const refused of await Promise.all(requests)) {
          expect(problemOf(refused)).toEqual({ status: 403, code: 'IP_NOT_ALLOWED', fields: [] });
          expect(JSON.stringify(refused.body)).not.toMatch(/203\.0\.113|2001:db8/);
        }
      });
      it('refuses a login with the answer a wrong password gets', async () => {
        const outside = await login(stack(), member.username, member.password);
        const wrong = await login(stack(), member.username, 'Wrong-password-1!');
        expect(outside.status).toBe(401);
        expect(outside.body).toEqual(wrong.body);
      });
      it('ignores an X-Forwarded-For the client sends', async () => {
        const spoofed = await member.client.get(base(member.userId), { 'X-Forwarded-For': '203.0.113.7' });
        expect(problemOf(spoofed).code).toBe('IP_NOT_ALLOWED');
      });
      it('lets the user in again once the list covers them, an IPv4-mapped entry as IPv4', async () => {
        const saved = await setList(account.admin, member.userId, '::ffff:127.0.0.1');
        expect(saved.body.ipSafelist).toEqual([{ address: '127.0.0.1', label: null }]);
        expect((await member.client.get(base(member.userId))).status).toBe(200);
        expect((await login(stack(), member.username, member.password)).status).toBe(201);
      });
    });

    describe('when an admin creates a user with access controls', () => {
      const usersPath = () => `/v1/accounts/${account.accountId}/users`;

      it('answers once they are in force: the list canonical, and no login from outside it', async () => {
        const body = newUserBody({
          accessControls: { ipSafelist: ['203.0.113.0/24', '2001:DB8::/32'], apiAccess: ['http'] },
        });
        const created = await account.admin.post<{ userId: string }>(usersPath(), body);
        expect(created.status).toBe(201);
        const controls = await account.admin.get<AccessControls>(
          `${base(created.body.userId)}/access-controls`,
        );
        expect(controls.body.ipSafelist.map((entry) => entry.address)).toEqual([
          '203.0.113.0/24',
          '2001:db8::/32',
        ]);
        expect(controls.body.apiAccess).toEqual({ http: true, smpp: false });
        const token = resetTokenIn(await messageTo(stack(), String(body['email']), 'set-password'));
        const password = strongPassword();
        expect(
          (await stack().users.post('/v1/password-resets', { token, newPassword: password })).status,
        ).toBe(204);
        expect((await login(stack(), String(body['username']), password)).status).toBe(401);
      });

      it('refuses controls the access-control context would refuse, creating nothing, and a caller without access:manage', async () => {
        const body = newUserBody({ accessControls: { ipSafelist: ['127.0.0.1', '10.0.0.1/8'] } });
        expect(problemOf(await account.admin.post(usersPath(), body))).toEqual({
          status: 422,
          code: 'IP_RANGE_HOST_BITS_SET',
          fields: ['accessControls.ipSafelist'],
        });
        const manager = await newMember(stack(), account);
        const granted = await account.admin.request('PUT', `${base(manager.userId)}/roles/user-manager`, {
          enabled: true,
        });
        expect(granted.status).toBe(204);
        const withControls = { ...body, accessControls: { ipSafelist: ['127.0.0.1'] } };
        expect(problemOf(await manager.client.post(usersPath(), withControls))).toMatchObject({
          status: 403,
        });
        // Nothing was created by either refusal: the username is still free.
        expect((await account.admin.post(usersPath(), withControls)).status).toBe(201);
      });
    });

    describe('when API access is set', () => {
      it('allows no protocol by default, and only an admin changes it', async () => {
        const path = `${base(member.userId)}/access-controls/api-access`;
        expect((await member.client.get(`${base(member.userId)}/access-controls`)).body).toMatchObject({
          apiAccess: { http: false, smpp: false },
        });
        expect((await member.client.request('PUT', path, { http: true })).status).toBe(403);
        const set = await account.admin.request<AccessControls>('PUT', path, { http: true });
        expect(set.body.apiAccess).toEqual({ http: true, smpp: false });
      });
    });

    describe('when a user has API keys', () => {
      const keys = () => `${base(member.userId)}/api-keys`;
      const issue = (body: Record<string, unknown>) => member.client.post<IssuedKey>(keys(), body);
      const as = (key: string) => stack().users.as(key);

      it('shows a key once, lists it without the key, and lets it act as its owner', async () => {
        const issued = await issue({ name: 'ci', expiresAt: inDays(30) });
        expect(issued.status).toBe(201);
        expect(issued.body.key).toMatch(/^ghk_[0-9A-Za-z]{36}$/);
        expect(issued.body.prefix).toBe(issued.body.key.slice(0, 8));
        expect((await as(issued.body.key).get(base(member.userId))).status).toBe(200);
        const listed = await eventually(async () => {
          const list = await member.client.get<{ items: { keyId: string; lastUsedAt: string | null }[] }>(
            keys(),
          );
          const item = list.body.items.find((key) => key.keyId === issued.body.keyId);
          if (!item?.lastUsedAt) throw new Error('last use not recorded yet');
          return list;
        });
        expect(JSON.stringify(listed.body)).not.toContain(issued.body.key);
      });
      it('refuses an expiry beyond 365 days, and a key with a wrong checksum', async () => {
        expect(problemOf(await issue({ name: 'long', expiresAt: inDays(366) })).code).toBe(
          'API_KEY_EXPIRY_INVALID',
        );
        const { body } = await issue({ name: 'typo', expiresAt: inDays(1) });
        const typo = body.key.slice(0, 10) + (body.key[10] === 'a' ? 'b' : 'a') + body.key.slice(11);
        expect((await as(typo).get(base(member.userId))).status).toBe(401);
      });
      it('narrows a key to the permissions asked for', async () => {
        const { body } = await issue({ name: 'narrow', expiresAt: inDays(1), permissions: [] });
        expect((await as(body.key).get(`/v1/accounts/${account.accountId}/users`)).status).toBe(403);
        expect((await member.client.get(`/v1/accounts/${account.accountId}/users`)).status).toBe(200);
      });
      it('stops a revoked key, and a rotated key for its new one', async () => {
        const revoked = await issue({ name: 'revoked', expiresAt: inDays(1) });
        expect((await member.client.delete(`${keys()}/${revoked.body.keyId}`)).status).toBe(204);
        expect((await as(revoked.body.key).get(base(member.userId))).status).toBe(401);
        const old = await issue({ name: 'rotated', expiresAt: inDays(1) });
        const rotated = await member.client.post<IssuedKey>(`${keys()}/${old.body.keyId}/rotate`, {
          expiresAt: inDays(2),
        });
        expect(rotated.status).toBe(201);
        expect(rotated.body.name).toBe('rotated');
        expect((await as(old.body.key).get(base(member.userId))).status).toBe(401);
        expect((await as(rotated.body.key).get(base(member.userId))).status).toBe(200);
      });
      it("applies the owner's safelist and status to the key", async () => {
        const { body } = await issue({ name: 'owner', expiresAt: inDays(1) });
        await setList(account.admin, member.userId, '203.0.113.7');
        expect(problemOf(await as(body.key).get(base(member.userId))).code).toBe('IP_NOT_ALLOWED');
        await setList(account.admin, member.userId);
        expect((await account.admin.post(`${base(member.userId)}/disable`, {})).status).toBe(204);
        expect((await as(body.key).get(base(member.userId))).status).toBe(401);
        expect((await account.admin.post(`${base(member.userId)}/enable`, {})).status).toBe(204);
        expect((await as(body.key).get(base(member.userId))).status).toBe(200);
      });
    });
  });
}
