import { createHmac } from 'node:crypto';
import { eventually } from './api-client';
import type { DistributedStack } from '../infra/distributed-stack';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { login, messageTo, problemOf, resetTokenIn, strongPassword } from './user-lifecycle.kit';

/**
 * Acceptance spans the invites and users services. Here the invites service dies (SIGKILL) right after the
 * users service created the invitee's user and before the invite recorded it: after a restart the invite
 * is accepted, the user exists once with the invite's roles, and the link is spent. The access-control
 * service is down too: once back, it applies the invite's access controls to the user.
 */
export function inviteCrashScenarios(stack: () => DistributedStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });

  describe('when the invites service dies between the user’s creation and the acceptance', () => {
    it('records the acceptance after a restart, with the user created once', async () => {
      const invitesPath = `/v1/accounts/${account.accountId}/invites`;
      const email = String(newUserBody()['email']);
      const accessControls = { ipSafelist: ['127.0.0.1'], apiAccess: ['smpp'] };
      const body = { email, language: 'en', timeZone: 'UTC', roles: ['support'], accessControls };
      const invited = await account.admin.post<{ inviteId: string }>(invitesPath, body);
      expect(invited.status).toBe(201);
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      await stack().kill('invites');
      await stack().kill('access-control');
      // The call the invites service made before it died, with its service credential.
      const sessionKey = String(stack().env['GATEHOUSE_SESSION_KEY']);
      const credential = createHmac('sha256', sessionKey)
        .update('gatehouse internal call v1')
        .digest('base64url');
      const { username } = newUserBody();
      const password = strongPassword();
      const request = {
        inviteId: invited.body.inviteId,
        email,
        firstName: 'Ida',
        lastName: 'Rhodes',
        username,
        language: 'en',
        timeZone: 'UTC',
        password,
        roles: ['support'],
        accessControls,
      };
      const path = `/internal/v1/accounts/${account.accountId}/invited-users`;
      const created = await stack().direct.users.post(path, request, { 'x-gatehouse-internal': credential });
      expect(created.status).toBe(201);
      const again = await stack().direct.users.post(path, request, { 'x-gatehouse-internal': credential });
      expect(again.body).toEqual(created.body);
      expect((await stack().users.post(path, request, { 'x-gatehouse-internal': credential })).status).toBe(
        404,
      );
      await stack().startService('invites');
      await stack().startService('access-control');
      await eventually(async () => {
        const listed = await account.admin.get<{ items: { inviteId: string }[] }>(
          `${invitesPath}?status=accepted`,
        );
        expect(listed.body.items.map((row) => row.inviteId)).toContain(invited.body.inviteId);
      });
      const session = await login(stack(), String(username), password);
      expect(session.status).toBe(201);
      // The access-control service was down when the user was made: its reaction applies them on return.
      await eventually(async () => {
        const access = await account.admin.get(
          `/v1/accounts/${account.accountId}/users/${invited.body.inviteId}/access-controls`,
        );
        expect(access.body).toEqual({
          ipSafelist: [{ address: '127.0.0.1', label: null }],
          apiAccess: { http: false, smpp: true },
        });
      }, 60_000);
      const reused = await stack().users.post('/v1/invite-acceptances', {
        token,
        username: 'other.name',
        password,
      });
      expect(problemOf(reused)).toMatchObject({ status: 422, code: 'INVITE_TOKEN_INVALID' });
    });
  });
}
