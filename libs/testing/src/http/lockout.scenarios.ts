import { openAccount, type OpenedAccount } from './scenario';
import {
  type LifecycleStack,
  listedRow,
  lockOut,
  login,
  type Member,
  messageTo,
  messagesTo,
  newMember,
  problemOf,
  resetTokenIn,
  strongPassword,
} from './user-lifecycle.kit';

/** Login attempts, lockout under concurrency, unlock and password reset. */
export function lockoutScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  let member: Member;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
    member = await newMember(stack(), account);
  });
  const userPath = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;

  describe('when a user logs in', () => {
    it('records the last login with its time, address and channel', async () => {
      const before = Date.now();
      expect((await login(stack(), member.username, member.password)).status).toBe(201);
      const user = await account.admin.get<{ lastLogin: { at: string; ip: string; channel: string } }>(
        userPath(member.userId),
      );
      expect(user.body.lastLogin).toMatchObject({
        ip: expect.stringContaining('127.0.0.1'),
        channel: 'password',
      });
      expect(Date.parse(user.body.lastLogin.at)).toBeGreaterThanOrEqual(before - 1000);
      await listedRow(stack(), account, member.userId, (row) => row.lastLoginAt !== null);
    });
  });

  describe('when the limit of wrong passwords is reached at once', () => {
    it('locks the user: the right password is refused, sessions end, the user is told', async () => {
      const target = await newMember(stack(), account);
      const statuses = await lockOut(stack(), target.username, 5);
      expect(statuses).toEqual([401, 401, 401, 401, 401]);
      const user = await account.admin.get<{ status: string }>(userPath(target.userId));
      expect(user.body.status).toBe('locked');
      expect((await login(stack(), target.username, target.password)).status).toBe(401);
      expect((await target.client.get(userPath(target.userId))).status).toBe(401);
      expect((await messageTo(stack(), target.email, 'account-locked', 1)).text).toContain('locked');
      await listedRow(stack(), account, target.userId, (row) => row.status === 'locked');
    });

    it('answers a locked user, a wrong password and an unknown username alike', async () => {
      const target = await newMember(stack(), account);
      await lockOut(stack(), target.username, 5);
      const locked = await login(stack(), target.username, target.password);
      const wrong = await login(stack(), member.username, 'Not-the-password-1');
      const unknown = await login(stack(), `nobody-${Date.now()}`, 'Not-the-password-1');
      expect([locked.status, wrong.status, unknown.status]).toEqual([401, 401, 401]);
      expect(locked.body).toEqual(unknown.body);
      expect(wrong.body).toEqual(unknown.body);
    });
  });

  describe('when an Account admin unlocks', () => {
    it('emails a single-use reset link; completing it sets the password and logs in', async () => {
      const target = await newMember(stack(), account);
      await lockOut(stack(), target.username, 5);
      expect((await account.admin.post(`${userPath(target.userId)}/unlock`, {})).status).toBe(204);
      const token = resetTokenIn(await messageTo(stack(), target.email, 'password-reset', 1));
      const weak = await stack().users.post('/v1/password-resets', { token, newPassword: 'short' });
      expect(problemOf(weak)).toEqual({ status: 422, code: 'PASSWORD_TOO_SHORT', fields: ['newPassword'] });
      const password = strongPassword();
      expect((await stack().users.post('/v1/password-resets', { token, newPassword: password })).status).toBe(
        204,
      );
      const again = await stack().users.post('/v1/password-resets', { token, newPassword: strongPassword() });
      expect(problemOf(again)).toEqual({ status: 422, code: 'RESET_TOKEN_INVALID', fields: ['token'] });
      expect((await login(stack(), target.username, target.password)).status).toBe(401);
      expect((await login(stack(), target.username, password)).status).toBe(201);
      await listedRow(stack(), account, target.userId, (row) => row.status === 'active');
    });

    it('refuses to unlock a user who is not locked (409)', async () => {
      const response = await account.admin.post(`${userPath(member.userId)}/unlock`, {});
      expect(problemOf(response)).toMatchObject({ status: 409, code: 'USER_NOT_LOCKED' });
    });

    it('lets only an Account admin of the account unlock (403, 404)', async () => {
      expect((await member.client.post(`${userPath(member.userId)}/unlock`, {})).status).toBe(403);
      const other = await openAccount(stack().users, stack().operatorToken);
      expect((await other.admin.post(`${userPath(member.userId)}/unlock`, {})).status).toBe(404);
      const unknown = `${userPath('00000000-0000-7000-8000-000000000000')}/unlock`;
      expect((await account.admin.post(unknown, {})).status).toBe(404);
    });
  });

  describe('when an Account admin sends a password reset ("Change the password")', () => {
    const resets = async (email: string) =>
      (await messagesTo(stack(), email)).filter((message) => message.template === 'password-reset').length;

    it('emails a single-use link, the latest alone working; completing it sets the password', async () => {
      const target = await newMember(stack(), account);
      const seen = await resets(target.email);
      expect((await account.admin.post(`${userPath(target.userId)}/password-reset`, {})).status).toBe(202);
      const first = resetTokenIn(await messageTo(stack(), target.email, 'password-reset', seen));
      expect((await account.admin.post(`${userPath(target.userId)}/password-reset`, {})).status).toBe(202);
      const latest = resetTokenIn(await messageTo(stack(), target.email, 'password-reset', seen + 1));
      const replaced = await stack().users.post('/v1/password-resets', {
        token: first,
        newPassword: strongPassword(),
      });
      expect(problemOf(replaced)).toEqual({ status: 422, code: 'RESET_TOKEN_INVALID', fields: ['token'] });
      const password = strongPassword();
      expect(
        (await stack().users.post('/v1/password-resets', { token: latest, newPassword: password })).status,
      ).toBe(204);
      expect((await login(stack(), target.username, target.password)).status).toBe(401);
      expect((await login(stack(), target.username, password)).status).toBe(201);
    });

    it('refuses a disabled or locked user (409) and a user of another account (404)', async () => {
      const target = await newMember(stack(), account);
      await lockOut(stack(), target.username, 5);
      const locked = await account.admin.post(`${userPath(target.userId)}/password-reset`, {});
      expect(problemOf(locked)).toMatchObject({ status: 409, code: 'USER_LOCKED' });
      const disabledTarget = await newMember(stack(), account);
      expect((await account.admin.post(`${userPath(disabledTarget.userId)}/disable`, {})).status).toBe(204);
      const disabled = await account.admin.post(`${userPath(disabledTarget.userId)}/password-reset`, {});
      expect(problemOf(disabled)).toMatchObject({ status: 409, code: 'USER_DISABLED' });
      const other = await openAccount(stack().users, stack().operatorToken);
      expect((await other.admin.post(`${userPath(member.userId)}/password-reset`, {})).status).toBe(404);
    });
  });

  describe('when a reset token is not valid', () => {
    it('refuses forged and malformed tokens (422, 400)', async () => {
      const forged = `${member.userId}.${'A'.repeat(43)}`;
      const response = await stack().users.post('/v1/password-resets', {
        token: forged,
        newPassword: strongPassword(),
      });
      expect(problemOf(response)).toEqual({ status: 422, code: 'RESET_TOKEN_INVALID', fields: ['token'] });
      expect((await stack().users.post('/v1/password-resets', { token: forged })).status).toBe(400);
    });
  });
}
