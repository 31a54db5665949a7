import { eventually } from './api-client';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';
import { type LifecycleStack, type Member, newMember, problemOf } from './user-lifecycle.kit';

interface HistoryEvent {
  eventId: string;
  type: string;
  streamId: string;
  streamPosition: number;
  occurredAt: string;
  actor: string;
  data: Record<string, unknown>;
}
interface HistoryPage {
  events: HistoryEvent[];
  nextCursor: string | null;
}
interface UserState {
  at: string;
  user: { userId: string; status: string; roles: string[] };
  accessControls: { ipSafelist: { address: string }[]; twoFactorChannel: string | null };
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));

/**
 * Auditors' reading of the store, end to end in both runtime modes: an account's history (a time range,
 * page by page), one stream's, and a user as they stood at any moment, behind the audit:read permission,
 * which the Account admin holds and a custom role can carry.
 */
export function eventHistoryScenarios(stack: () => LifecycleStack): void {
  describe('event history for auditors', () => {
    let account: OpenedAccount;
    let other: OpenedAccount;
    let auditor: Member;
    let userId: string;
    const moments: Record<string, string> = {};
    const path = (suffix: string) => `/v1/accounts/${account.accountId}${suffix}`;
    const history = (query = '') =>
      stack()
        .projections.as(account.adminToken)
        .get<HistoryPage>(path(`/events${query}`));
    const ofUser = (page: HistoryPage) => page.events.filter((event) => event.streamId.endsWith(userId));

    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      other = await openAccount(stack().users, stack().operatorToken);
      auditor = await newMember(stack(), account);
      const created = await account.admin.post<{ userId: string }>(path('/users'), newUserBody());
      userId = created.body.userId;
      await pause();
      moments['created'] = new Date().toISOString();
      await pause();
      expect(
        (await account.admin.request('PUT', path(`/users/${userId}/roles/support`), { enabled: true }))
          .status,
      ).toBe(204);
      const safelist = { entries: [{ address: '10.0.0.0/8' }] };
      expect(
        (await account.admin.request('PUT', path(`/users/${userId}/access-controls/ip-safelist`), safelist))
          .status,
      ).toBe(200);
      await pause();
      moments['changed'] = new Date().toISOString();
      await other.admin.post(`/v1/accounts/${other.accountId}/users`, newUserBody());
    });

    it("gives the account's changes in order, with who made them, and none of another account's", async () => {
      const page = await eventually(async () => {
        const read = (await history('?limit=200')).body;
        expect(ofUser(read).map((event) => event.type)).toEqual(
          expect.arrayContaining(['UserCreated', 'RoleToggled', 'IpSafelistChanged']),
        );
        return read;
      });
      const types = ofUser(page).map((event) => event.type);
      expect(types.indexOf('UserCreated')).toBeLessThan(types.indexOf('RoleToggled'));
      expect(types.indexOf('RoleToggled')).toBeLessThan(types.indexOf('IpSafelistChanged'));
      const toggled = ofUser(page).find((event) => event.type === 'RoleToggled');
      expect(toggled).toMatchObject({ streamId: `role-assignments-${userId}`, actor: account.adminUserId });
      expect(toggled?.data).toEqual({ userId, roleId: 'support', enabled: true });
      expect(page.events.some((event) => JSON.stringify(event).includes(other.accountId))).toBe(false);
    });

    it('pages with a cursor through the same events, and bounds them by when they occurred', async () => {
      const whole = (await history('?limit=200')).body.events.map((event) => event.eventId);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const query = `?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
        const page: HistoryPage = (await history(query)).body;
        paged.push(...page.events.map((event) => event.eventId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(paged.slice(0, whole.length)).toEqual(whole);
      const window = (await history(`?since=${moments['created']}&until=${moments['changed']}`)).body;
      expect(ofUser(window).map((event) => event.type)).toEqual(['RoleToggled', 'IpSafelistChanged']);
      for (const event of window.events) {
        expect(event.occurredAt >= moments['created'] && event.occurredAt < moments['changed']).toBe(true);
      }
    });

    it("gives one stream of the account in its order, and not another account's", async () => {
      const read = await stack()
        .projections.as(account.adminToken)
        .get<HistoryPage>(path(`/streams/user-${userId}/events`));
      expect(read.body.events[0]).toMatchObject({ type: 'UserCreated', streamPosition: 0 });
      const otherStream = `/streams/user-${other.adminUserId}/events`;
      expect((await stack().projections.as(account.adminToken).get(path(otherStream))).status).toBe(404);
    });

    it('shows a user as they stood at a moment, and not before they existed', async () => {
      const at = (moment: string) =>
        account.admin.get<UserState>(path(`/users/${userId}/state?at=${moment}`));
      const then = await at(moments['created']);
      expect(then.status).toBe(200);
      expect(then.body.user).toMatchObject({ userId, status: 'active', roles: [] });
      expect(then.body.accessControls.ipSafelist).toEqual([]);
      const later = await at(moments['changed']);
      expect(later.body.user.roles).toEqual(['support']);
      expect(later.body.accessControls.ipSafelist.map((entry) => entry.address)).toEqual(['10.0.0.0/8']);
      expect(problemOf(await at('2000-01-01T00:00:00Z'))).toMatchObject({ status: 404 });
    });

    it('refuses a user manager, and lets a custom role carrying audit:read in', async () => {
      const refused = await stack().projections.as(auditor.token).get(path('/events'));
      expect(problemOf(refused)).toMatchObject({ status: 403, code: 'PERMISSION_REQUIRED' });
      const role = await account.admin.post<{ roleId: string }>(path('/roles'), {
        name: 'Auditors',
        permissions: ['audit:read'],
      });
      expect(role.status).toBe(201);
      const granted = await account.admin.request(
        'PUT',
        path(`/users/${auditor.userId}/roles/${role.body.roleId}`),
        {
          enabled: true,
        },
      );
      expect(granted.status).toBe(204);
      expect((await stack().projections.as(auditor.token).get(path('/events'))).status).toBe(200);
      expect((await auditor.client.get(path(`/users/${userId}/state?at=${moments['changed']}`))).status).toBe(
        200,
      );
    });

    it('refuses a cursor it never gave and a malformed moment, naming the field', async () => {
      expect(problemOf(await history('?cursor=bm90LWEtY3Vyc29y'))).toMatchObject({
        status: 400,
        fields: ['cursor'],
      });
      for (const since of ['yesterday', '20261201', '2026-W01', '0000-01-01']) {
        expect(problemOf(await history(`?since=${since}`))).toMatchObject({ status: 400, fields: ['since'] });
      }
      for (const at of ['soon', '2026-W01']) {
        const state = await account.admin.get(path(`/users/${userId}/state?at=${at}`));
        expect(problemOf(state)).toMatchObject({ status: 400, fields: ['at'] });
      }
    });
  });
}
