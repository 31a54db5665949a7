import { request as httpRequest } from 'node:http';
import type { ApiClient, ApiResponse } from './api-client';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import type { RunningStack } from './users-api.scenarios';

interface Refusal {
  code: string;
  status: number;
  errors?: { field: string; rule: string }[];
}

function expectProblem(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: (response.body as Refusal).code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect((response.body as Refusal).errors?.[0]?.rule ?? code).toBe(code);
}

/** Raw bytes to the server, for what fetch will not send (oversized headers). */
function rawRequest(api: ApiClient, path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; contentType: string; body: string }>((resolve, reject) => {
    const call = httpRequest(`${api.baseUrl}${path}`, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: response.headers['content-type'] ?? '',
          body,
        }),
      );
    });
    call.on('error', reject);
    call.end();
  });
}

/** Issue 11: what an attacker or a careless client sends gets a 4xx problem naming the rule, never a 500. */
export function malformedInputScenarios(stack: () => RunningStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const usersPath = () => `/v1/accounts/${account.accountId}/users`;

  describe('when a body is over its route limit', () => {
    it.each([
      ['a 17 KiB body (commands take 16 KiB)', { ...newUserBody(), firstName: 'x'.repeat(17 * 1024) }],
      ['a 200 KB body', { ...newUserBody(), firstName: 'x'.repeat(200_000) }],
      ['a 1 MB string in a field', { ...newUserBody(), lastName: 'y'.repeat(1_000_000) }],
      [
        'an array of 10k items',
        { ...newUserBody(), roles: Array.from({ length: 10_000 }, () => 'developer') },
      ],
      ['JSON nested 40k levels deep', `${'['.repeat(40_000)}${']'.repeat(40_000)}`],
    ])('refuses %s with 413 BODY_TOO_LARGE', async (_case, body) => {
      expectProblem(await account.admin.post(usersPath(), body), 413, 'BODY_TOO_LARGE');
    });

    it('holds credential routes to 4 KiB', async () => {
      const login = { username: 'someone', password: 'p'.repeat(5_000) };
      expectProblem(await stack().users.post('/v1/sessions', login), 413, 'BODY_TOO_LARGE');
    });
  });

  describe('when a body is not plain JSON', () => {
    it('refuses a compressed body with 415 UNSUPPORTED_CONTENT_ENCODING', async () => {
      const sent = await account.admin.post(usersPath(), newUserBody(), { 'content-encoding': 'gzip' });
      expectProblem(sent, 415, 'UNSUPPORTED_CONTENT_ENCODING');
    });

    it('refuses another media type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const sent = await account.admin.post(usersPath(), 'firstName=Ada', { 'content-type': 'text/plain' });
      expectProblem(sent, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a form body with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const sent = await account.admin.post(usersPath(), 'firstName=Ada', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expectProblem(sent, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('refuses a charset other than UTF-8 with 415 UNSUPPORTED_CHARSET', async () => {
      const sent = await account.admin.post(usersPath(), newUserBody(), {
        'content-type': 'application/json; charset=latin1',
      });
      expectProblem(sent, 415, 'UNSUPPORTED_CHARSET');
    });

    it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
      expectProblem(await account.admin.post(usersPath(), '{"firstName": '), 400, 'MALFORMED_JSON');
    });

    it('refuses JSON nested deeper than 8 levels with 400 JSON_TOO_DEEP', async () => {
      const deep = { ...newUserBody(), firstName: JSON.parse(`${'['.repeat(9)}1${']'.repeat(9)}`) };
      expectProblem(await account.admin.post(usersPath(), deep), 400, 'JSON_TOO_DEEP');
    });
  });

  describe('when the headers are over the server limit', () => {
    it('answers 431 HEADERS_TOO_LARGE as a problem', async () => {
      const sent = await rawRequest(stack().users, '/health', { 'x-padding': 'z'.repeat(20_000) });
      expect(sent.status).toBe(431);
      expect(sent.contentType).toBe('application/problem+json');
      expect(JSON.parse(sent.body)).toMatchObject({ status: 431, code: 'HEADERS_TOO_LARGE' });
    });
  });

  describe('when the URL cannot be routed', () => {
    it('refuses a malformed percent-encoding in a path segment with 400 MALFORMED_URL', async () => {
      expectProblem(await account.admin.get(`${usersPath()}/%E0%A4%A`), 400, 'MALFORMED_URL');
    });

    it('refuses a path segment over 1,024 characters with 414 PATH_SEGMENT_TOO_LONG', async () => {
      expectProblem(
        await account.admin.get(`${usersPath()}/${'x'.repeat(1025)}`),
        414,
        'PATH_SEGMENT_TOO_LONG',
      );
    });

    it('leaves a long id below that limit to the route, which refuses it as input', async () => {
      expect((await account.admin.get(`${usersPath()}/${'x'.repeat(1000)}`)).status).toBe(400);
    });
  });

  describe('when a write would leave a user broken', () => {
    it('refuses "roles": null on create with 400 naming the field', async () => {
      const sent = await account.admin.post<Refusal>(usersPath(), { ...newUserBody(), roles: null });
      expect(sent.status).toBe(400);
      expect(sent.body.errors).toContainEqual(expect.objectContaining({ field: 'roles', rule: 'isArray' }));
    });

    it.each(['firstName', 'lastName', 'language', 'timeZone'])(
      'refuses a PATCH nulling %s with 422 USER_FIELD_REQUIRED, and keeps the field',
      async (field) => {
        const created = await account.admin.post<{ userId: string }>(usersPath(), newUserBody());
        const userPath = `${usersPath()}/${created.body.userId}`;
        const sent = await account.admin.patch<Refusal>(userPath, { [field]: null });
        expectProblem(sent, 422, 'USER_FIELD_REQUIRED');
        expect(sent.body.errors?.[0]?.field).toBe(field);
        const fetched = await account.admin.get<Record<string, unknown>>(userPath);
        expect(fetched.body[field]).toEqual(expect.any(String));
      },
    );

    it.each([
      ['a NUL byte', 'Ada\u0000'],
      ['a right-to-left override', 'Ada\u202eecalevoL'],
      ['a zero-width space', 'A\u200bda'],
    ])('refuses a name with %s: 422 USER_NAME_FORBIDDEN_CHARACTER', async (_case, firstName) => {
      const sent = await account.admin.post(usersPath(), { ...newUserBody(), firstName });
      expectProblem(sent, 422, 'USER_NAME_FORBIDDEN_CHARACTER');
    });

    it('stores a name NFC-normalised', async () => {
      const created = await account.admin.post<{ userId: string }>(usersPath(), {
        ...newUserBody(),
        lastName: 'Zoe\u0308',
      });
      const fetched = await account.admin.get<{ lastName: string }>(`${usersPath()}/${created.body.userId}`);
      expect(fetched.body.lastName).toBe('Zo\u00eb');
    });

    it('counts a name in code points: 100 letters outside the BMP are stored, 101 refused', async () => {
      const created = await account.admin.post(usersPath(), { ...newUserBody(), lastName: '𠀀'.repeat(100) });
      expect(created.status).toBe(201);
      const refused = await account.admin.post(usersPath(), { ...newUserBody(), lastName: '𠀀'.repeat(101) });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ errors: [{ field: 'lastName', rule: 'isLength' }] });
    });
  });
}
