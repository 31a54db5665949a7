import { randomUUID } from 'node:crypto';
import { toggle } from './roles.requests';
import { ADMIN_PASSWORD, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, type Member, newMember } from './user-lifecycle.kit';

interface Listed {
  sessions: {
    sessionId: string;
    createdAt: string;
    lastSeenAt: string;
    ip: string;
    userAgent: string | null;
    current: boolean;
  }[];
}

/** Listing and ending sessions, and what ends them at once: both runtime modes. */
export function sessionsScenarios(stack: () => LifecycleStack): void {
  describe('sessions', () => {
    let account: OpenedAccount;
    let other: OpenedAccount;
    let adminUsername: string;
    const sessionsOf = (accountId: string, userId: string) =>
      `/v1/accounts/${accountId}/users/${userId}/sessions`;
    const adminLogin = async (userAgent: string) => {
      const response = await stack().users.request<{ token: string }>(
        'POST',
        '/v1/sessions',
        { username: adminUsername, password: ADMIN_PASSWORD },
        { 'user-agent': userAgent },
      );
      if (response.status !== 201) throw new Error(`login failed: ${response.status}`);
      return stack().users.as(response.body.token);
    };

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      other = await openAccount(stack().users, stack().operatorToken);
      const admin = await account.admin.get<{ username: string }>(
        `/v1/accounts/${account.accountId}/users/${account.adminUserId}`,
      );
      adminUsername = admin.body.username;
    }, 60_000);

    it("lists the caller's own sessions with start, last activity, address and client, the current one marked", async () => {
      const laptop = await adminLogin('scenario-laptop/1.0');
      const phone = await adminLogin('scenario-phone/2.0');
      const listed = await laptop.get<Listed>(sessionsOf(account.accountId, account.adminUserId));
      expect(listed.status).toBe(200);
      const byClient = new Map(listed.body.sessions.map((s) => [s.userAgent, s]));
      expect(byClient.get('scenario-laptop/1.0')?.current).toBe(true);
      expect(byClient.get('scenario-phone/2.0')?.current).toBe(false);
      for (const session of listed.body.sessions) {
        expect(Date.parse(session.createdAt)).toBeLessThanOrEqual(Date.parse(session.lastSeenAt));
        expect(session.ip).toMatch(/127\.0\.0\.1|::1/);
      }
      expect((await phone.get(sessionsOf(account.accountId, account.adminUserId))).status).toBe(200);
    });

    it('lets a user end another of their sessions, whose token is refused from the next request', async () => {
      const kept = await adminLogin('scenario-kept/1.0');
      const ended = await adminLogin('scenario-ended/1.0');
      const path = sessionsOf(account.accountId, account.adminUserId);
      const listed = await kept.get<Listed>(path);
      const target = listed.body.sessions.find((s) => s.userAgent === 'scenario-ended/1.0');
      expect((await kept.delete(`${path}/${target?.sessionId}`)).status).toBe(204);
      expect((await ended.get(path)).status).toBe(401);
      const after = await kept.get<Listed>(path);
      expect(after.body.sessions.map((s) => s.sessionId)).not.toContain(target?.sessionId);
      expect((await kept.delete(`${path}/${target?.sessionId}`)).status).toBe(404);
    });

    describe('over another user', () => {
      let member: Member;
      beforeAll(async () => {
        member = await newMember(stack(), account);
      }, 60_000);

      it("lets an admin list and end a member's session", async () => {
        const path = sessionsOf(account.accountId, member.userId);
        const listed = await account.admin.get<Listed>(path);
        expect(listed.status).toBe(200);
        expect(listed.body.sessions).toHaveLength(1);
        expect(listed.body.sessions[0].current).toBe(false);
        expect((await account.admin.delete(`${path}/${listed.body.sessions[0].sessionId}`)).status).toBe(204);
        expect((await member.client.get(`/v1/accounts/${account.accountId}/settings`)).status).toBe(401);
      });

      it("refuses a member without users:manage (403) and answers another account's admin as for a missing id (404)", async () => {
        const peer = await newMember(stack(), account);
        const path = sessionsOf(account.accountId, member.userId);
        expect((await peer.client.get(path)).status).toBe(403);
        const foreign = await other.admin.get(path);
        const missing = await other.admin.get(sessionsOf(randomUUID(), member.userId));
        expect(foreign.status).toBe(404);
        expect(JSON.stringify(foreign.body)).toBe(JSON.stringify(missing.body));
        const support = await newMember(stack(), account);
        expect((await toggle(account.admin, account, support.userId, 'user-manager', true)).status).toBe(204);
        expect((await support.client.get(path)).status).toBe(200);
      }, 120_000);

      it('ends every session of a user whose deletion is requested', async () => {
        const leaving = await newMember(stack(), account);
        const settings = `/v1/accounts/${account.accountId}/settings`;
        expect((await leaving.client.get(settings)).status).toBe(200);
        const users = `/v1/accounts/${account.accountId}/users`;
        expect((await account.admin.post(`${users}/${leaving.userId}/deletion-request`, {})).status).toBe(
          202,
        );
        expect((await leaving.client.get(settings)).status).toBe(401);
      }, 60_000);
    });

    it('keeps the session policy in the account settings, with limits named on a bad value', async () => {
      const path = `/v1/accounts/${account.accountId}/settings`;
      const current = await account.admin.get<Record<string, unknown>>(path);
      expect(current.body['sessions']).toEqual({ idleTimeoutMinutes: 30, absoluteLifetimeMinutes: 720 });
      const sessions = { idleTimeoutMinutes: 45, absoluteLifetimeMinutes: 600 };
      const saved = await account.admin.request('PUT', path, { ...current.body, sessions });
      expect(saved.status).toBe(200);
      const bad = await account.admin.request('PUT', path, {
        ...current.body,
        sessions: { idleTimeoutMinutes: 0, absoluteLifetimeMinutes: 600 },
      });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('sessions.idleTimeoutMinutes');
      const withoutSessions = Object.fromEntries(
        Object.entries(current.body).filter(([key]) => key !== 'sessions'),
      );
      expect((await account.admin.request('PUT', path, withoutSessions)).status).toBe(200);
      expect((await account.admin.get<Record<string, unknown>>(path)).body['sessions']).toEqual(sessions);
    });
  });
}
