import { eventually } from './api-client';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import {
  type LifecycleStack,
  login,
  messageTo,
  newMember,
  problemOf,
  resetTokenIn,
  strongPassword,
} from './user-lifecycle.kit';

interface InviteRow {
  readonly inviteId: string;
  readonly status: string;
  readonly invitedBy: string;
  readonly lastSentAt: string;
  readonly expiresAt: string;
}

/** Invite by email, accept, resend, revoke and the refusals, run against embedded and distributed stacks. */
export function invitesScenarios(stack: () => LifecycleStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const invitesPath = () => `/v1/accounts/${account.accountId}/invites`;
  const invite = (overrides: Record<string, unknown> = {}) => {
    const { email } = newUserBody();
    const body = { email, language: 'de', timeZone: 'Europe/Berlin', roles: ['developer'], ...overrides };
    return account.admin.post<{ inviteId: string }>(invitesPath(), body);
  };
  const accept = (token: string, overrides: Record<string, unknown> = {}) => {
    const { username } = newUserBody();
    const body = {
      token,
      firstName: 'Ida',
      lastName: 'Rhodes',
      username,
      password: strongPassword(),
      ...overrides,
    };
    return stack().users.post<{ userId: string }>('/v1/invite-acceptances', body);
  };

  describe('an invite', () => {
    it('emails a link in the invitee’s language; accepting it makes a user who logs in at once', async () => {
      const email = newUserBody()['email'] as string;
      // The invitee's own address stays in the safelist, so the login below is let in.
      const accessControls = { ipSafelist: ['127.0.0.1', '203.0.113.0/24'], apiAccess: ['http'] };
      const invited = await invite({ email, accessControls });
      expect(invited.status).toBe(201);
      const message = await messageTo(stack(), email, 'invite');
      expect(message.language).toBe('de');
      const username = String(newUserBody()['username']);
      const password = strongPassword();
      const accepted = await accept(resetTokenIn(message), { username, password });
      expect(accepted.status).toBe(201);
      expect(accepted.body.userId).toBe(invited.body.inviteId);
      const session = await login(stack(), username, password);
      expect(session.status).toBe(201);
      const roles = await stack().users.as(session.body.token).get<{
        roles: { id: string }[];
      }>(`/v1/accounts/${account.accountId}/users/${accepted.body.userId}/roles`);
      expect(roles.body.roles.map((role) => role.id)).toEqual(['developer']);
      // Applied before the accept answered: no wait here.
      const access = await account.admin.get(
        `/v1/accounts/${account.accountId}/users/${accepted.body.userId}/access-controls`,
      );
      expect(access.body).toEqual({
        ipSafelist: [
          { address: '127.0.0.1', label: null },
          { address: '203.0.113.0/24', label: null },
        ],
        apiAccess: { http: true, smpp: false },
        // An invite chooses no 2FA channel and registers no device.
        twoFactor: { channel: null, failover: ['sms', 'voice', 'email'] },
        mobileDevices: [],
      });
      expect(problemOf(await accept(resetTokenIn(message)))).toMatchObject({
        status: 422,
        code: 'INVITE_TOKEN_INVALID',
      });
      // The list is a read model (as the users list): it shows the acceptance once projected.
      await eventually(async () => {
        const listed = await account.admin.get<{ items: InviteRow[] }>(`${invitesPath()}?status=accepted`);
        expect(listed.body.items.map((row) => row.inviteId)).toContain(invited.body.inviteId);
      });
    });

    it('with a safelist that leaves out the invitee’s address, refuses their login from the moment the accept answers', async () => {
      const email = String(newUserBody()['email']);
      await invite({ email, accessControls: { ipSafelist: ['203.0.113.0/24'] } });
      const username = String(newUserBody()['username']);
      const password = strongPassword();
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      expect((await accept(token, { username, password })).status).toBe(201);
      expect(problemOf(await login(stack(), username, password))).toMatchObject({ status: 401 });
    });

    it('refused by a users rule (weak password, taken username), stays pending for a retry', async () => {
      const email = String(newUserBody()['email']);
      await invite({ email });
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      const weak = await accept(token, { password: 'short' });
      expect(problemOf(weak)).toEqual({ status: 422, code: 'PASSWORD_TOO_SHORT', fields: ['password'] });
      const existing = newUserBody();
      expect((await account.admin.post(`/v1/accounts/${account.accountId}/users`, existing)).status).toBe(
        201,
      );
      const taken = await accept(token, { username: existing['username'] });
      expect(problemOf(taken)).toEqual({ status: 409, code: 'USERNAME_TAKEN', fields: ['username'] });
      expect((await accept(token)).status).toBe(201);
    });

    it('resent, has a new link and the old one no longer works', async () => {
      const email = newUserBody()['email'] as string;
      const invited = await invite({ email });
      const first = resetTokenIn(await messageTo(stack(), email, 'invite'));
      const resent = await account.admin.post(`${invitesPath()}/${invited.body.inviteId}/resend`, {});
      expect(resent.status).toBe(204);
      const second = resetTokenIn(await messageTo(stack(), email, 'invite', 1));
      expect(second).not.toBe(first);
      expect(problemOf(await accept(first))).toMatchObject({ status: 422, code: 'INVITE_TOKEN_INVALID' });
      expect((await accept(second)).status).toBe(201);
    });

    it('revoked, refuses its link with the same error as a wrong one and lists as revoked', async () => {
      const email = newUserBody()['email'] as string;
      const invited = await invite({ email });
      await eventually(async () => {
        const listed = await account.admin.get<{ items: InviteRow[] }>(`${invitesPath()}?status=pending`);
        expect(listed.body.items.find((row) => row.inviteId === invited.body.inviteId)).toMatchObject({
          status: 'pending',
          invitedBy: account.adminUserId,
        });
      });
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      const revoked = await account.admin.post(`${invitesPath()}/${invited.body.inviteId}/revocation`, {});
      expect(revoked.status).toBe(204);
      expect(problemOf(await accept(token))).toMatchObject({ status: 422, code: 'INVITE_TOKEN_INVALID' });
      expect(problemOf(await accept(`${invited.body.inviteId}.${'A'.repeat(43)}`))).toMatchObject({
        status: 422,
        code: 'INVITE_TOKEN_INVALID',
      });
      await eventually(async () => {
        const listed = await account.admin.get<{ items: InviteRow[] }>(`${invitesPath()}?status=revoked`);
        expect(listed.body.items.find((row) => row.inviteId === invited.body.inviteId)).toMatchObject({
          status: 'revoked',
          invitedBy: account.adminUserId,
        });
      });
    });
  });

  describe('refusals', () => {
    it('refuses a second pending invite for the same email, naming the first', async () => {
      const email = newUserBody()['email'] as string;
      const first = await invite({ email });
      const second = await invite({ email: email.toUpperCase() });
      expect(problemOf(second)).toEqual({ status: 409, code: 'INVITE_PENDING', fields: ['email'] });
      expect(JSON.stringify(second.body)).toContain(first.body.inviteId);
    });
    it('refuses the email of a user of the account', async () => {
      const user = newUserBody();
      expect((await account.admin.post(`/v1/accounts/${account.accountId}/users`, user)).status).toBe(201);
      await eventually(async () => {
        expect(problemOf(await invite({ email: user['email'] }))).toEqual({
          status: 409,
          code: 'INVITE_EMAIL_IS_USER',
          fields: ['email'],
        });
      });
    });
    // Controls the access-control context would refuse once the invitee is a user would leave that user's
    // logins refused for good (refused until their controls are applied): the inviter hears it instead.
    it('refuses access controls and time zones the invitee could not be given, naming the field', async () => {
      const hostBits = await invite({ accessControls: { ipSafelist: ['10.0.0.0/8', '192.168.1.10/24'] } });
      expect(problemOf(hostBits)).toEqual({
        status: 422,
        code: 'IP_RANGE_HOST_BITS_SET',
        fields: ['accessControls.ipSafelist'],
      });
      expect(JSON.stringify(hostBits.body)).toContain('192.168.1.0/24');
      const protocol = await invite({ accessControls: { apiAccess: ['rest'] } });
      expect(problemOf(protocol)).toMatchObject({ status: 400, fields: ['accessControls.apiAccess'] });
      expect(problemOf(await invite({ timeZone: 'Europe/Berln' }))).toMatchObject({
        status: 400,
        fields: ['timeZone'],
      });
      expect((await invite({ timeZone: 'EST5EDT' })).status).toBe(201);
    });
    it('refuses unknown roles (422) and an inviter who may not grant roles (403)', async () => {
      expect(problemOf(await invite({ roles: ['no-such-role'] }))).toEqual({
        status: 422,
        code: 'UNKNOWN_ROLE',
        fields: ['roles'],
      });
      const manager = await newMember(stack(), account);
      const granted = await account.admin.request(
        'PUT',
        `/v1/accounts/${account.accountId}/users/${manager.userId}/roles/user-manager`,
        { enabled: true },
      );
      expect(granted.status).toBe(204);
      const body = { email: newUserBody()['email'], language: 'en', timeZone: 'UTC', roles: ['developer'] };
      const refused = await manager.client.post(invitesPath(), body);
      expect(problemOf(refused)).toMatchObject({ status: 403 });
    });
  });
}
