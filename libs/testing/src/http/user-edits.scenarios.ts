import { readOutbox } from '@gatehouse/notifications';
import { ADMIN_PASSWORD, newUserBody, openAccount, type OpenedAccount } from './scenario';
import {
  type LifecycleStack,
  listedRow,
  lockOut,
  login,
  type Member,
  messageTo,
  newMember,
  problemOf,
  strongPassword,
} from './user-lifecycle.kit';

/** Details (language rule), contact info, own password and the account's settings. */
export function userEditsScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  let other: OpenedAccount;
  let member: Member;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
    other = await openAccount(stack().users, stack().operatorToken);
    member = await newMember(stack(), account);
  });
  const userPath = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;

  describe('when editing details', () => {
    it('refuses a language change by a user without the Account admin role, naming the field (403)', async () => {
      const response = await member.client.patch(userPath(member.userId), { language: 'de' });
      expect(problemOf(response)).toEqual({ status: 403, code: 'LANGUAGE_READ_ONLY', fields: ['language'] });
      expect((await member.client.patch(userPath(member.userId), { firstName: 'Mina' })).status).toBe(204);
    });
    it("lets an Account admin set anyone's language, their own included", async () => {
      expect((await account.admin.patch(userPath(member.userId), { language: 'fr' })).status).toBe(204);
      expect((await account.admin.patch(userPath(account.adminUserId), { language: 'sv' })).status).toBe(204);
      expect((await account.admin.get<{ language: string }>(userPath(member.userId))).body.language).toBe(
        'fr',
      );
    });
  });

  describe('when changing contact info', () => {
    it('records the new email and mobile, tells both addresses, and lists the new email', async () => {
      const created = await account.admin.post<{ userId: string }>(
        `/v1/accounts/${account.accountId}/users`,
        newUserBody(),
      );
      const path = `${userPath(created.body.userId)}/contact-info`;
      const old = (await account.admin.get<{ email: string }>(userPath(created.body.userId))).body.email;
      const email = `new.${old}`;
      const response = await account.admin.request(
        'PUT',
        path,
        { email, mobile: '+447700900123' },
        { 'if-match': '"0"' },
      );
      expect(response.status).toBe(204);
      expect(response.headers.get('etag')).toBe('"1"');
      const user = await account.admin.get(userPath(created.body.userId));
      expect(user.body).toMatchObject({ email, mobile: '+447700900123' });
      expect((await messageTo(stack(), old, 'email-changed-old-address')).text).toContain(email);
      await messageTo(stack(), email, 'email-changed-new-address');
      await listedRow(stack(), account, created.body.userId, (row) => row.email === email);
      const stale = await account.admin.request(
        'PUT',
        path,
        { email: old, mobile: null },
        { 'if-match': '"0"' },
      );
      expect(problemOf(stale)).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    });
    it('lets users change their own, and nobody else without users:manage (403)', async () => {
      const own = { email: member.email, mobile: '+33612345678' };
      expect(
        (await member.client.request('PUT', `${userPath(member.userId)}/contact-info`, own)).status,
      ).toBe(204);
      const theirs = await member.client.request('PUT', `${userPath(account.adminUserId)}/contact-info`, own);
      expect(theirs.status).toBe(403);
    });
    it('refuses an invalid email or mobile (400 naming each), another account (404), an unknown user (404)', async () => {
      const path = `${userPath(member.userId)}/contact-info`;
      const invalid = await account.admin.request('PUT', path, { email: 'nope', mobile: '0770' });
      expect(problemOf(invalid)).toMatchObject({
        status: 400,
        fields: expect.arrayContaining(['email', 'mobile']),
      });
      const valid = { email: 'x@example.com', mobile: null };
      expect((await other.admin.request('PUT', path, valid)).status).toBe(404);
      const unknown = `${userPath('00000000-0000-7000-8000-000000000000')}/contact-info`;
      expect((await account.admin.request('PUT', unknown, valid)).status).toBe(404);
    });
  });

  describe('when users change their password', () => {
    it('needs the current one and the policy, keeps this session and ends every other one', async () => {
      const user = await newMember(stack(), account);
      const elsewhere = await login(stack(), user.username, user.password);
      const path = `${userPath(user.userId)}/password`;
      const wrong = await user.client.post(path, {
        currentPassword: 'Wrong-password-9',
        newPassword: strongPassword(),
      });
      expect(problemOf(wrong)).toEqual({
        status: 422,
        code: 'CURRENT_PASSWORD_WRONG',
        fields: ['currentPassword'],
      });
      const short = await user.client.post(path, { currentPassword: user.password, newPassword: 'Aa1!' });
      expect(problemOf(short)).toEqual({ status: 422, code: 'PASSWORD_TOO_SHORT', fields: ['newPassword'] });
      const plain = await user.client.post(path, {
        currentPassword: user.password,
        newPassword: 'lowercase only here',
      });
      expect(problemOf(plain)).toMatchObject({
        code: 'PASSWORD_TOO_FEW_CHARACTER_CLASSES',
        fields: ['newPassword'],
      });
      const password = strongPassword();
      expect(
        (await user.client.post(path, { currentPassword: user.password, newPassword: password })).status,
      ).toBe(204);
      expect((await user.client.get(userPath(user.userId))).status).toBe(200);
      expect((await stack().users.as(elsewhere.body.token).get(userPath(user.userId))).status).toBe(401);
      expect((await login(stack(), user.username, user.password)).status).toBe(401);
      expect((await login(stack(), user.username, password)).status).toBe(201);
      await messageTo(stack(), user.email, 'password-changed');
    });
    it("refuses to change another user's password, even for an admin (403), across accounts (404)", async () => {
      const body = { currentPassword: ADMIN_PASSWORD, newPassword: strongPassword() };
      const response = await account.admin.post(`${userPath(member.userId)}/password`, body);
      expect(problemOf(response)).toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_SELF_ONLY' });
      expect((await other.admin.post(`${userPath(member.userId)}/password`, body)).status).toBe(404);
      expect((await account.admin.post(`${userPath(member.userId)}/password`, {})).status).toBe(400);
    });
  });

  describe("when the account's settings change", () => {
    const stricter = {
      passwordPolicy: { minLength: 14, minCharacterClasses: 4 },
      lockout: { maxFailures: 2, windowMinutes: 5 },
    };
    it('starts with the defaults, readable by every user of the account', async () => {
      const settings = await member.client.get(`/v1/accounts/${account.accountId}/settings`);
      expect(settings.body).toEqual({
        passwordPolicy: { minLength: 12, minCharacterClasses: 3 },
        lockout: { maxFailures: 5, windowMinutes: 15 },
        sessions: { idleTimeoutMinutes: 30, absoluteLifetimeMinutes: 720 },
      });
    });
    it('lets only an Account admin change them (403, 404) and refuses invalid ones (400)', async () => {
      const path = `/v1/accounts/${account.accountId}/settings`;
      expect((await member.client.request('PUT', path, stricter)).status).toBe(403);
      expect((await other.admin.request('PUT', path, stricter)).status).toBe(404);
      const invalid = {
        passwordPolicy: { minLength: 3, minCharacterClasses: 5 },
        lockout: { maxFailures: 0 },
      };
      const refused = await account.admin.request('PUT', path, invalid);
      expect(problemOf(refused).status).toBe(400);
      expect(problemOf(refused).fields).toEqual(
        expect.arrayContaining([
          'passwordPolicy.minLength',
          'passwordPolicy.minCharacterClasses',
          'lockout.maxFailures',
          'lockout.windowMinutes',
        ]),
      );
    });
    it('applies a stricter policy and a lower lockout limit at once', async () => {
      const fresh = await openAccount(stack().users, stack().operatorToken);
      const path = `/v1/accounts/${fresh.accountId}/settings`;
      const changed = await fresh.admin.request('PUT', path, stricter);
      expect(changed).toMatchObject({ status: 200, body: stricter });
      const body = { currentPassword: ADMIN_PASSWORD, newPassword: 'only-3-classes-long' };
      const response = await fresh.admin.post(
        `/v1/accounts/${fresh.accountId}/users/${fresh.adminUserId}/password`,
        body,
      );
      expect(problemOf(response)).toMatchObject({ status: 422, code: 'PASSWORD_TOO_FEW_CHARACTER_CLASSES' });
      const created = newUserBody();
      const user = await fresh.admin.post<{ userId: string }>(
        `/v1/accounts/${fresh.accountId}/users`,
        created,
      );
      await lockOut(stack(), String(created['username']), 2);
      const fetched = await fresh.admin.get<{ status: string }>(
        `/v1/accounts/${fresh.accountId}/users/${user.body.userId}`,
      );
      expect(fetched.body.status).toBe('locked');
    });
  });

  it('never writes a password into an email', async () => {
    const texts = (await readOutbox(stack().outboxDir)).map((message) => JSON.stringify(message));
    expect(texts.length).toBeGreaterThan(0);
    for (const secret of [ADMIN_PASSWORD, member.password]) {
      expect(texts.filter((text) => text.includes(secret))).toEqual([]);
    }
  });
}
