import { type ApiClient, eventually } from './api-client';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';

export interface RunningStack {
  /** Users API (bootstrap, sessions, users). */
  readonly users: ApiClient;
  /** Read-model API (users list); the same process as `users` when embedded. */
  readonly projections: ApiClient;
  readonly operatorToken: string;
}

interface Listed {
  items: { id: string; username: string; roles: string[]; status: string }[];
  nextCursor: string | null;
}

/**
 * What every runtime mode must do over HTTP, run against embedded and distributed stacks alike.
 * `stack()` is read lazily: the mode's beforeAll starts it.
 */
export function usersApiScenarios(stack: () => RunningStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const usersPath = () => `/v1/accounts/${account.accountId}/users`;

  describe('when an Account admin creates a user', () => {
    it('stores it, returns its location and version, and lists it', async () => {
      const body = newUserBody({ roles: ['developer'] });
      const created = await account.admin.post<{ userId: string }>(usersPath(), body);
      expect(created.status).toBe(201);
      expect(created.headers.get('location')).toBe(`${usersPath()}/${created.body.userId}`);
      expect(created.headers.get('etag')).toBe('"0"');
      const fetched = await account.admin.get<Record<string, unknown>>(
        `${usersPath()}/${created.body.userId}`,
      );
      expect(fetched.status).toBe(200);
      expect(fetched.body).toMatchObject({
        username: body['username'],
        roles: ['developer'],
        status: 'active',
      });
      const listedRow = await eventually(async () => {
        const listed = await stack()
          .projections.as(account.adminToken)
          .get<Listed>(`${usersPath()}?limit=200`);
        const row = listed.body.items.find((item) => item.id === created.body.userId);
        // The user and its roles travel on different topics: wait until both have been projected.
        if (!row || row.roles.length === 0) throw new Error('not listed with its roles yet');
        return row;
      });
      expect(listedRow).toMatchObject({ username: body['username'], roles: ['developer'], status: 'active' });
    });

    it('refuses a duplicate username with 409 naming the field', async () => {
      const body = newUserBody();
      expect((await account.admin.post(usersPath(), body)).status).toBe(201);
      const again = await account.admin.post<{ code: string; errors: { field: string }[] }>(
        usersPath(),
        newUserBody({ username: String(body['username']).toUpperCase() }),
      );
      expect(again.status).toBe(409);
      expect(again.headers.get('content-type')).toContain('application/problem+json');
      expect(again.body.code).toBe('USERNAME_TAKEN');
      expect(again.body.errors[0].field).toBe('username');
    });

    it('refuses invalid input with 400 naming each field and rule, and writes nothing', async () => {
      const bad = newUserBody({ email: 'not-an-email', language: 'xx', timeZone: 'Mars/Base', extra: 1 });
      const response = await account.admin.post<{ errors: { field: string; rule: string }[] }>(
        usersPath(),
        bad,
      );
      expect(response.status).toBe(400);
      const rules = response.body.errors.map((error) => `${error.field}:${error.rule}`);
      expect(rules).toEqual(
        expect.arrayContaining([
          'email:isEmail',
          'language:isIn',
          'timeZone:isIanaTimeZone',
          'extra:whitelistValidation',
        ]),
      );
      const retry = await account.admin.post(usersPath(), {
        ...bad,
        email: 'ok@example.com',
        language: 'en',
        timeZone: 'europe/berlin',
        extra: undefined,
      });
      expect(retry.status).toBe(201);
      // Kept as Intl spells the zone, whatever the case it was typed in.
      const created = await account.admin.get<{ timeZone: string }>(
        `${usersPath()}/${(retry.body as { userId: string }).userId}`,
      );
      expect(created.body.timeZone).toBe('Europe/Berlin');
    });

    it('answers malformed JSON with 400 problem+json, not 500', async () => {
      const response = await account.admin.request('POST', usersPath(), '{"firstName":', {});
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('when editing with If-Match', () => {
    it('applies an edit at the current version and refuses a stale one with 409', async () => {
      const created = await account.admin.post<{ userId: string }>(usersPath(), newUserBody());
      const path = `${usersPath()}/${created.body.userId}`;
      const first = await account.admin.patch(path, { firstName: 'Amazing' }, { 'if-match': '"0"' });
      expect(first.status).toBe(204);
      expect(first.headers.get('etag')).toBe('"1"');
      const stale = await account.admin.patch<{ code: string }>(
        path,
        { lastName: 'Grace' },
        { 'if-match': '"0"' },
      );
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect((await account.admin.get<{ firstName: string }>(path)).body.firstName).toBe('Amazing');
    });
  });

  describe('when the caller is not allowed', () => {
    it('answers 401 without a session and 404 for an unknown user', async () => {
      expect((await stack().users.get(`${usersPath()}/00000000-0000-7000-8000-000000000000`)).status).toBe(
        401,
      );
      expect((await account.admin.get(`${usersPath()}/00000000-0000-7000-8000-000000000000`)).status).toBe(
        404,
      );
    });

    it('hides other accounts (404)', async () => {
      const other = await openAccount(stack().users, stack().operatorToken);
      expect((await other.admin.post(usersPath(), newUserBody())).status).toBe(404);
      expect((await other.admin.get(`${usersPath()}/${account.adminUserId}`)).status).toBe(404);
      expect((await stack().projections.as(other.adminToken).get(usersPath())).status).toBe(404);
    });

    it('ends a session on logout: the token is refused at once', async () => {
      const again = await openAccount(stack().users, stack().operatorToken);
      expect((await again.admin.delete('/v1/sessions/current')).status).toBe(204);
      expect(
        (await again.admin.get(`/v1/accounts/${again.accountId}/users/${again.adminUserId}`)).status,
      ).toBe(401);
    });

    it('refuses to open an account whose first admin password breaks the default policy (422)', async () => {
      const admin = newUserBody({ password: 'all lowercase letters' });
      const opened = await stack()
        .users.as(stack().operatorToken)
        .post<{ code: string; errors: { field: string }[] }>('/v1/accounts', { name: 'Weak', admin });
      expect(opened.status).toBe(422);
      expect(opened.body.code).toBe('PASSWORD_TOO_FEW_CHARACTER_CLASSES');
      expect(opened.body.errors[0].field).toBe('admin.password');
      const login = await stack().users.post('/v1/sessions', {
        username: admin['username'],
        password: admin['password'],
      });
      expect(login.status).toBe(401);
    });

    it('refuses a wrong password and an unknown username alike (401)', async () => {
      const wrong = await stack().users.post('/v1/sessions', {
        username: 'nobody-here',
        password: 'whatever-it-is',
      });
      expect(wrong.status).toBe(401);
      expect((await stack().users.as('not-the-operator').post('/v1/accounts', {})).status).toBe(401);
    });
  });

  it('serves its OpenAPI document at /docs', async () => {
    const docs = await stack().users.get<{ paths: Record<string, unknown> }>('/docs/openapi.json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/accounts/{accountId}/users/{userId}']),
    );
  });
}
