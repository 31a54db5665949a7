import type { ApiResponse } from './api-client';
import type { CredentialsStack } from './basic-auth.scenarios';
import { openAccount, type OpenedAccount } from './scenario';
import { type Member, newMember, problemOf } from './user-lifecycle.kit';

const SERVICE_TOKEN_HEADER = 'x-gatehouse-service-token';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const refused = { allowed: false, reason: 'CREDENTIALS_REFUSED' };

/**
 * The check other platform services (an SMPP server, another HTTP API, nginx) ask Gatehouse, in both
 * runtime modes and through the gateway: a credential, a protocol and a client address in, allow with
 * the principal or one uniform refusal out; and its nginx auth_request form judging a request's own
 * headers. Callers prove themselves with the operator-issued service token.
 */
export function accessCheckScenarios(stack: () => CredentialsStack): void {
  describe('the access check for platform services', () => {
    let account: OpenedAccount;
    let member: Member;
    let apiKey: string;
    const base = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;
    const service = () => ({ [SERVICE_TOKEN_HEADER]: stack().serviceToken });
    const check = (body: Record<string, unknown>, headers: Record<string, string> = service()) =>
      stack().users.post<Record<string, unknown>>('/v1/access/check', body, headers);
    const byPassword = (password: string, protocol = 'http', clientIp = '198.51.100.1') =>
      check({ credential: { username: member.username, password }, protocol, clientIp });
    const nginx = (authorization: string, clientIp = '198.51.100.1') =>
      stack().users.get('/v1/access/check/nginx', { ...service(), authorization, 'x-real-ip': clientIp });
    const basic = (password: string) =>
      `Basic ${Buffer.from(`${member.username}:${password}`).toString('base64')}`;
    const setList = (...addresses: string[]) =>
      account.admin.request('PUT', `${base(member.userId)}/access-controls/ip-safelist`, {
        entries: addresses.map((address) => ({ address })),
      });
    const expectOk = (response: ApiResponse<unknown>) => expect(response.status).toBe(200);

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      member = await newMember(stack(), account);
      const issued = await member.client.post<{ key: string }>(`${base(member.userId)}/api-keys`, {
        name: 'smpp gateway',
        expiresAt: inDays(1),
      });
      apiKey = issued.body.key;
    });

    it('answers platform services only: no token, a wrong one or the operator token get 403', async () => {
      const body = { credential: { apiKey }, protocol: 'http', clientIp: '198.51.100.1' };
      expect((await check(body, {})).status).toBe(403);
      expect((await check(body, { [SERVICE_TOKEN_HEADER]: 'not-the-token' })).status).toBe(403);
      expect((await check(body, { [SERVICE_TOKEN_HEADER]: stack().operatorToken })).status).toBe(403);
      expect((await stack().users.get('/v1/access/check/nginx', { authorization: basic('x') })).status).toBe(
        403,
      );
    });

    it('allows an API key with its owner as the principal, over either protocol', async () => {
      const allowed = await check({ credential: { apiKey }, protocol: 'smpp', clientIp: '198.51.100.1' });
      expect(allowed.body).toEqual({
        allowed: true,
        principal: { accountId: account.accountId, userId: member.userId, roles: [], permissions: [] },
      });
    });

    it('allows a username and password only over a protocol the user allows, one refusal otherwise', async () => {
      expect((await byPassword(member.password)).body).toEqual(refused);
      expectOk(
        await account.admin.request('PUT', `${base(member.userId)}/access-controls/api-access`, {
          smpp: true,
        }),
      );
      expect((await byPassword(member.password, 'smpp')).body).toMatchObject({
        allowed: true,
        principal: { userId: member.userId },
      });
      expect((await byPassword(member.password, 'http')).body).toEqual(refused);
      expect((await byPassword('Wrong-password-1!', 'smpp')).body).toEqual(refused);
      const unknown = await check({
        credential: { username: `nobody.${member.username}`, password: member.password },
        protocol: 'smpp',
        clientIp: '198.51.100.1',
      });
      expect(unknown.body).toEqual(refused);
    });

    it("applies the owner's safelist to the client address given, an IPv4-mapped one as IPv4", async () => {
      expectOk(await setList('203.0.113.7'));
      const key = (clientIp: string) => check({ credential: { apiKey }, protocol: 'http', clientIp });
      expect((await key('198.51.100.1')).body).toEqual(refused);
      expect((await key('::ffff:203.0.113.7')).body).toMatchObject({ allowed: true });
      expect((await byPassword(member.password, 'smpp', '198.51.100.1')).body).toEqual(refused);
      expect((await byPassword(member.password, 'smpp', '203.0.113.7')).body).toMatchObject({
        allowed: true,
      });
      expectOk(await setList());
    });

    it('refuses a malformed question with the field named', async () => {
      const both = await check({
        credential: { apiKey, username: member.username, password: member.password },
        protocol: 'http',
        clientIp: '198.51.100.1',
      });
      expect(problemOf(both)).toEqual({
        status: 422,
        code: 'CREDENTIAL_FORM_INVALID',
        fields: ['credential'],
      });
      const badIp = await check({ credential: { apiKey }, protocol: 'http', clientIp: '010.0.0.1' });
      expect(problemOf(badIp)).toMatchObject({ status: 400, fields: ['clientIp'] });
      const badProtocol = await check({ credential: { apiKey }, protocol: 'ftp', clientIp: '198.51.100.1' });
      expect(problemOf(badProtocol)).toMatchObject({ status: 400, fields: ['protocol'] });
    });

    describe('in the nginx auth_request form', () => {
      beforeAll(async () => {
        const path = `${base(member.userId)}/access-controls/api-access`;
        expectOk(await account.admin.request('PUT', path, { http: true }));
      });

      it("answers 204 naming the user and account for the request's own credential", async () => {
        for (const authorization of [basic(member.password), `Bearer ${apiKey}`, `Bearer ${member.token}`]) {
          const allowed = await nginx(authorization);
          expect(allowed.status).toBe(204);
          expect(allowed.headers.get('x-gatehouse-user-id')).toBe(member.userId);
          expect(allowed.headers.get('x-gatehouse-account-id')).toBe(account.accountId);
        }
      });
      it('answers 401 with a basic challenge for no, a wrong or a not-allowed credential alike', async () => {
        const answers = [await nginx(''), await nginx(basic('Wrong-password-1!'))];
        expectOk(await setList('203.0.113.7'));
        answers.push(await nginx(basic(member.password)));
        expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401]);
        expect(answers[1].body).toEqual(answers[2].body);
        expect(answers[2].headers.get('www-authenticate')).toMatch(/^Basic /);
      });
      it('answers 403 for a key used from outside its owner safelist, and 400 without the client address', async () => {
        expect((await nginx(`Bearer ${apiKey}`)).status).toBe(403);
        expect((await nginx(`Bearer ${apiKey}`, '203.0.113.7')).status).toBe(204);
        expectOk(await setList());
        const noAddress = await stack().users.get('/v1/access/check/nginx', {
          ...service(),
          authorization: basic(member.password),
        });
        expect(noAddress.status).toBe(400);
      });
    });
  });
}
