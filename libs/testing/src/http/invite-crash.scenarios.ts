import { createHmac } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';
import { eventually } from './api-client';
import type { DistributedStack } from '../infra/distributed-stack';
import { testEnv } from '../infra/env';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { login, messageTo, problemOf, resetTokenIn, strongPassword } from './user-lifecycle.kit';

/** How many events of each type the stack's store holds for `streamIds`. */
async function eventCounts(
  stack: DistributedStack,
  streamIds: readonly string[],
): Promise<Record<string, number>> {
  const pg = new Client({ connectionString: testEnv.pgUrl });
  await pg.connect();
  try {
    const { rows } = await pg.query<{ type: string; n: string }>(
      `SELECT type, count(*) AS n FROM ${escapeIdentifier(stack.name)}.gh_events
        WHERE stream_id = ANY($1) GROUP BY type`,
      [streamIds],
    );
    return Object.fromEntries(rows.map((row) => [row.type, Number(row.n)]));
  } finally {
    await pg.end();
  }
}

/**
 * Acceptance spans the invites and users services (docs/adr/20261201-accept-invite-creates-user-over-an-
 * internal-call.md): the users service creates the user first, keyed by the invite, then the invite records
 * InviteAccepted. A crash between the two is finished by InviteAcceptanceReaction after a restart.
 */
export function inviteCrashScenarios(stack: () => DistributedStack): void {
  let account: OpenedAccount;
  beforeAll(async () => {
    account = await openAccount(stack().users, stack().operatorToken);
  });
  const invitesPath = () => `/v1/accounts/${account.accountId}/invites`;
  const accessControls = { ipSafelist: ['127.0.0.1'], apiAccess: ['smpp'] };
  const invite = async (email: string) => {
    const body = { email, language: 'en', timeZone: 'UTC', roles: ['support'], accessControls };
    const invited = await account.admin.post<{ inviteId: string }>(invitesPath(), body);
    expect(invited.status).toBe(201);
    return invited.body.inviteId;
  };
  const listedAccepted = (inviteId: string) =>
    eventually(async () => {
      const listed = await account.admin.get<{ items: { inviteId: string }[] }>(
        `${invitesPath()}?status=accepted`,
      );
      expect(listed.body.items.map((row) => row.inviteId)).toContain(inviteId);
    }, 60_000);
  const accessOf = (userId: string) =>
    account.admin.get(`/v1/accounts/${account.accountId}/users/${userId}/access-controls`);
  const appliedAccess = {
    ipSafelist: [{ address: '127.0.0.1', label: null }],
    apiAccess: { http: false, smpp: true },
    twoFactor: { channel: null, failover: ['sms', 'voice', 'email'] },
    mobileDevices: [],
  };

  describe('when the invites service is SIGKILLed between the user’s creation and InviteAccepted', () => {
    it('records the acceptance after a restart: one user with the invite’s roles and access controls, the link spent', async () => {
      const email = String(newUserBody()['email']);
      const inviteId = await invite(email);
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      // The test hook makes the invites service kill itself right after the users service answered.
      await stack().kill('invites');
      await stack().startService('invites', 0, { GATEHOUSE_TEST_CRASH_AFTER_INVITEE_USER: '1' });
      const died = stack().exited('invites');
      const username = String(newUserBody()['username']);
      const password = strongPassword();
      const body = { token, firstName: 'Ida', lastName: 'Rhodes', username, password };
      const cut = await stack().users.post('/v1/invite-acceptances', body);
      expect(cut.status).toBeGreaterThanOrEqual(500);
      await died;
      // The user exists; whether the dying process's own InviteAcceptanceReaction got to record the
      // acceptance while the users service waited for the roles and access controls is a race.
      const atCrash = await eventCounts(stack(), [`invite-${inviteId}`, `user-${inviteId}`]);
      expect(atCrash).toMatchObject({ UserInvited: 1, UserCreated: 1 });
      expect(atCrash['InviteAccepted'] ?? 0).toBeLessThanOrEqual(1);

      await stack().startService('invites');
      await listedAccepted(inviteId);
      expect(await eventCounts(stack(), [`invite-${inviteId}`, `user-${inviteId}`])).toEqual({
        UserInvited: 1,
        UserCreated: 1,
        InviteAccepted: 1,
      });
      const session = await login(stack(), username, password);
      expect(session.status).toBe(201);
      const roles = await stack()
        .users.as(session.body.token)
        .get<{ roles: { id: string }[] }>(`/v1/accounts/${account.accountId}/users/${inviteId}/roles`);
      expect(roles.body.roles.map((role) => role.id)).toEqual(['support']);
      expect((await accessOf(inviteId)).body).toEqual(appliedAccess);
      // The ADR: once accepted (here by the reaction), the link is spent like any used one.
      const retried = await stack().users.post('/v1/invite-acceptances', body);
      expect(problemOf(retried)).toMatchObject({ status: 422, code: 'INVITE_TOKEN_INVALID' });
      const users = await account.admin.get<{ items: { id: string }[] }>(
        `/v1/accounts/${account.accountId}/users?limit=200`,
      );
      expect(users.body.items.filter((item) => item.id === inviteId)).toHaveLength(1);
    });
  });

  describe('when the access-control service is down at the acceptance', () => {
    it('answers a retryable 503 until the invite’s access controls apply, then the same user', async () => {
      const email = String(newUserBody()['email']);
      const inviteId = await invite(email);
      const token = resetTokenIn(await messageTo(stack(), email, 'invite'));
      await stack().kill('access-control');
      // The call the invites service makes, with its service credential.
      const sessionKey = String(stack().env['GATEHOUSE_SESSION_KEY']);
      const credential = createHmac('sha256', sessionKey)
        .update('gatehouse internal call v1')
        .digest('base64url');
      const { username } = newUserBody();
      const password = strongPassword();
      const request = {
        inviteId,
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
      const headers = { 'x-gatehouse-internal': credential };
      const pending = await stack().direct.users.post(path, request, headers);
      expect(problemOf(pending)).toMatchObject({ status: 503, code: 'INVITED_ACCESS_PENDING' });
      expect((await stack().users.post(path, request, headers)).status).toBe(404);
      // The user exists, but not yet under the invite's safelist: no login until it applies.
      expect((await login(stack(), String(username), password)).status).toBe(401);
      await stack().startService('access-control');
      const created = await eventually(async () => {
        const answer = await stack().direct.users.post<{ userId: string }>(path, request, headers);
        expect(answer.status).toBe(201);
        return answer.body;
      }, 60_000);
      expect(created).toEqual({ userId: inviteId });
      expect((await accessOf(inviteId)).body).toEqual(appliedAccess);
      await listedAccepted(inviteId);
      expect((await login(stack(), String(username), password)).status).toBe(201);
      const reused = await stack().users.post('/v1/invite-acceptances', {
        token,
        username: 'other.name',
        password,
      });
      expect(problemOf(reused)).toMatchObject({ status: 422, code: 'INVITE_TOKEN_INVALID' });
    });
  });
}
