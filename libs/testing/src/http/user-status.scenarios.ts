import { openAccount, type OpenedAccount } from './scenario';
import {
  type LifecycleStack,
  listedRow,
  login,
  type Member,
  messagesTo,
  newMember,
  problemOf,
} from './user-lifecycle.kit';

/** Disabling, enabling and deletion requests. */
export function userStatusScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  let other: OpenedAccount;
  let member: Member;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
    other = await openAccount(stack().users, stack().operatorToken);
    member = await newMember(stack(), account);
  });
  const userPath = (userId: string) => `/v1/accounts/${account.accountId}/users/${userId}`;

  describe('when an admin disables a user', () => {
    it('ends their sessions at once, refuses their logins, mails them nothing and lists them disabled', async () => {
      const target = await newMember(stack(), account);
      expect((await account.admin.post(`${userPath(target.userId)}/disable`, {})).status).toBe(204);
      expect((await target.client.get(userPath(target.userId))).status).toBe(401);
      expect((await login(stack(), target.username, target.password)).status).toBe(401);
      expect((await account.admin.get<{ status: string }>(userPath(target.userId))).body.status).toBe(
        'disabled',
      );
      await listedRow(stack(), account, target.userId, (row) => row.status === 'disabled');

      const mailed = (await messagesTo(stack(), target.email)).length;
      const newAddress = { email: `moved.${target.email}`, mobile: null };
      expect(
        (await account.admin.request('PUT', `${userPath(target.userId)}/contact-info`, newAddress)).status,
      ).toBe(204);
      expect((await messagesTo(stack(), target.email)).length).toBe(mailed);
      expect(await messagesTo(stack(), newAddress.email)).toEqual([]);

      const again = await account.admin.post(`${userPath(target.userId)}/disable`, {});
      expect(problemOf(again)).toMatchObject({ status: 409, code: 'USER_ALREADY_DISABLED' });
      expect((await account.admin.post(`${userPath(target.userId)}/enable`, {})).status).toBe(204);
      expect((await login(stack(), target.username, target.password)).status).toBe(201);
      await listedRow(stack(), account, target.userId, (row) => row.status === 'active');
      const enabled = await account.admin.post(`${userPath(target.userId)}/enable`, {});
      expect(problemOf(enabled)).toMatchObject({ status: 409, code: 'USER_NOT_DISABLED' });
    });

    it('refuses anyone disabling themselves (403)', async () => {
      const response = await account.admin.post(`${userPath(account.adminUserId)}/disable`, {});
      expect(problemOf(response)).toMatchObject({ status: 403, code: 'CANNOT_DISABLE_SELF' });
    });

    it('refuses users without users:manage (403), other accounts (404) and unknown users (404)', async () => {
      for (const action of ['disable', 'enable']) {
        expect((await member.client.post(`${userPath(account.adminUserId)}/${action}`, {})).status).toBe(403);
        expect((await other.admin.post(`${userPath(member.userId)}/${action}`, {})).status).toBe(404);
        const unknown = `${userPath('00000000-0000-7000-8000-000000000000')}/${action}`;
        expect((await account.admin.post(unknown, {})).status).toBe(404);
      }
    });
  });

  describe('when a deletion is requested', () => {
    it("lets an admin request another user's deletion, and nobody else (403, 404)", async () => {
      const target = await account.admin.post<{ userId: string }>(`/v1/accounts/${account.accountId}/users`, {
        firstName: 'Del',
        lastName: 'Etion',
        email: `del.${Date.now()}@example.com`,
        username: `del.${Date.now().toString(36)}`,
        language: 'en',
        timeZone: 'UTC',
      });
      const path = `${userPath(target.body.userId)}/deletion-request`;
      expect((await member.client.post(path, {})).status).toBe(403);
      expect((await other.admin.post(path, {})).status).toBe(404);
      expect((await account.admin.post(path, {})).status).toBe(202);
    });

    it('records the request of users themselves, shows it on GET and in the list, refuses a second and ends their access at the edge', async () => {
      const requested = await member.client.post<{ deletionRequestedAt: string }>(
        `${userPath(member.userId)}/deletion-request`,
        {},
      );
      expect(requested.status).toBe(202);
      const user = await account.admin.get<{ deletionRequestedAt: string | null }>(userPath(member.userId));
      expect(user.body.deletionRequestedAt).toBe(requested.body.deletionRequestedAt);
      await listedRow(stack(), account, member.userId, (row) => row.deletionRequestedAt !== null);
      // The request ends every session of the user at once.
      expect((await member.client.get(userPath(member.userId))).status).toBe(401);
      const again = await account.admin.post(`${userPath(member.userId)}/deletion-request`, {});
      expect(problemOf(again)).toMatchObject({ status: 409, code: 'DELETION_ALREADY_REQUESTED' });
    });

    it("refuses an Account admin's request for their own deletion (403), which would leave the account to nobody", async () => {
      const own = await account.admin.post(`${userPath(account.adminUserId)}/deletion-request`, {});
      expect(problemOf(own)).toMatchObject({ status: 403, code: 'ACCOUNT_ADMIN_OWN_DELETION' });
      expect((await account.admin.get(userPath(account.adminUserId))).status).toBe(200);
    });

    it('lets an admin take a request back: the user logs in again and lists without it; nobody else (403, 404)', async () => {
      const target = await newMember(stack(), account);
      const path = `${userPath(target.userId)}/deletion-request`;
      expect(problemOf(await account.admin.request('DELETE', path))).toMatchObject({
        status: 409,
        code: 'DELETION_NOT_REQUESTED',
      });
      expect((await account.admin.post(path, {})).status).toBe(202);
      expect((await login(stack(), target.username, target.password)).status).toBe(401);
      const bystander = await newMember(stack(), account);
      expect((await bystander.client.request('DELETE', path)).status).toBe(403);
      expect((await other.admin.request('DELETE', path)).status).toBe(404);
      expect((await account.admin.request('DELETE', path)).status).toBe(204);
      expect((await login(stack(), target.username, target.password)).status).toBe(201);
      const user = await account.admin.get<{ deletionRequestedAt: string | null }>(userPath(target.userId));
      expect(user.body.deletionRequestedAt).toBeNull();
      await listedRow(
        stack(),
        account,
        target.userId,
        (row) => row.deletionRequestedAt === null && row.status === 'active',
      );
    });
  });
}
