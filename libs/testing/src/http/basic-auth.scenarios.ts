import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ApiClient, ApiResponse } from './api-client';
import { openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, lockOut, login, type Member, newMember } from './user-lifecycle.kit';

/** A running stack, and in distributed mode each service's own process past the gateway. */
export interface CredentialsStack extends LifecycleStack {
  /** The operator-issued token platform services present to the access check. */
  readonly serviceToken: string;
  readonly direct?: Readonly<
    Record<'users' | 'roles' | 'invites' | 'access-control' | 'projections', ApiClient>
  >;
}

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** A real client: curl's `-u`, status on the last line. */
async function curl(
  url: string,
  username: string,
  password: string,
): Promise<{ status: number; body: unknown }> {
  const { stdout } = await promisify(execFile)('curl', [
    '-s',
    '-u',
    `${username}:${password}`,
    '-w',
    '\n%{http_code}',
    url,
  ]);
  const lines = stdout.split('\n');
  return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) };
}

/**
 * HTTP basic authentication on every API route, in both runtime modes: allowed only where the user's API
 * access allows the protocol, and otherwise refused with exactly what a wrong password at login gets —
 * for an unknown user, a wrong password, a disabled or locked user, a client outside the safelist and the
 * protocol not allowed alike. A change applies to the very next request, in another service's process too.
 */
export function basicAuthScenarios(stack: () => CredentialsStack): void {
  describe('HTTP basic authentication', () => {
    let account: OpenedAccount;
    let member: Member;
    let wrongLogin: ApiResponse<unknown>;
    const base = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;
    const as = (username: string, password: string, client: ApiClient = stack().users) =>
      client.get(base(member.userId), { authorization: basic(username, password) });
    const setHttp = (http: boolean) =>
      account.admin.request('PUT', `${base(member.userId)}/access-controls/api-access`, { http });
    const setList = (...addresses: string[]) =>
      account.admin.request('PUT', `${base(member.userId)}/access-controls/ip-safelist`, {
        entries: addresses.map((address) => ({ address })),
      });
    const expectLoginRefusal = (response: ApiResponse<unknown>) => {
      expect({ status: response.status, body: response.body }).toEqual({
        status: 401,
        body: wrongLogin.body,
      });
    };

    /** A route each service serves itself: a member without roles gets 200 or, past the edge, 403. */
    const routesOfEachService = () =>
      [
        ['users', base(member.userId)],
        ['roles', `${base(member.userId)}/roles`],
        ['access-control', `${base(member.userId)}/access-controls`],
        ['projections', `/v1/accounts/${account.accountId}/users`],
        ['invites', `/v1/accounts/${account.accountId}/invite-settings`],
      ] as const;

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      member = await newMember(stack(), account);
      wrongLogin = await login(stack(), member.username, 'Wrong-password-1!');
    });

    it('refuses a right password while the protocol is not allowed (the default), as a wrong password', async () => {
      expectLoginRefusal(await as(member.username, member.password));
    });

    describe('when the user may use basic authentication over HTTP', () => {
      beforeAll(async () => {
        expect((await setHttp(true)).status).toBe(200);
      });

      it("lets curl's -u in with the user's own permissions", async () => {
        const ok = await curl(
          `${stack().users.baseUrl}${base(member.userId)}`,
          member.username,
          member.password,
        );
        expect(ok).toMatchObject({ status: 200, body: { userId: member.userId } });
        const other = await curl(
          `${stack().users.baseUrl}${base(account.adminUserId)}`,
          member.username,
          member.password,
        );
        expect(other.status).toBe(403);
      });
      it('refuses a wrong password and an unknown user with the answer a login gets', async () => {
        expectLoginRefusal(await as(member.username, 'Wrong-password-1!'));
        expectLoginRefusal(await as(`nobody.${member.username}`, member.password));
        const refused = await as(member.username, 'Wrong-password-1!');
        expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm="gatehouse"/);
      });
      it('refuses a client outside the safelist as a wrong password, and lets it in once covered', async () => {
        expect((await setList('203.0.113.7')).status).toBe(200);
        expectLoginRefusal(await as(member.username, member.password));
        expect((await setList('::ffff:127.0.0.1')).status).toBe(200);
        expect((await as(member.username, member.password)).status).toBe(200);
        expect((await setList()).status).toBe(200);
      });
      it('refuses a disabled user as a wrong password, and lets them in once enabled', async () => {
        expect((await account.admin.post(`${base(member.userId)}/disable`, {})).status).toBe(204);
        expectLoginRefusal(await as(member.username, member.password));
        expect((await account.admin.post(`${base(member.userId)}/enable`, {})).status).toBe(204);
        expect((await as(member.username, member.password)).status).toBe(200);
      });
      it("applies turning the protocol off to the very next request, in every service's process", async () => {
        const calls = routesOfEachService().map(([service, path]) => {
          const client = stack().direct?.[service] ?? stack().users;
          return () => client.get(path, { authorization: basic(member.username, member.password) });
        });
        const passed = (response: ApiResponse<unknown>) => [200, 403].includes(response.status);
        for (const call of calls) expect(passed(await call())).toBe(true);
        expect((await setHttp(false)).status).toBe(200);
        for (const call of calls) expectLoginRefusal(await call());
        expect((await setHttp(true)).status).toBe(200);
        for (const call of calls) expect(passed(await call())).toBe(true);
      });
      it('refuses a locked user as a wrong password', async () => {
        await lockOut(stack(), member.username);
        expectLoginRefusal(await as(member.username, member.password));
      });
    });

    describe('when the user asked to be deleted', () => {
      it('refuses them by basic authentication, as a wrong password', async () => {
        const target = await newMember(stack(), account);
        const path = `${base(target.userId)}/access-controls/api-access`;
        expect((await account.admin.request('PUT', path, { http: true })).status).toBe(200);
        const get = () =>
          stack().users.get(base(target.userId), { authorization: basic(target.username, target.password) });
        expect((await get()).status).toBe(200);
        expect((await target.client.post(`${base(target.userId)}/deletion-request`, {})).status).toBe(202);
        expectLoginRefusal(await get());
        expectLoginRefusal(await login(stack(), target.username, target.password));
      });
    });
  });
}
