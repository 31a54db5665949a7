import { type ApiClient, eventually } from './api-client';
import { newUserBody, openAccount } from './scenario';
import type { RunningStack } from './users-api.scenarios';

interface Ready {
  checks: Record<
    string,
    { ok: boolean; details?: { generations: Record<string, number>; rebuilding: boolean } }
  >;
}

/** A rebuild from the store while the list serves and users are being created, in every runtime mode. */
export function readModelRebuildScenarios(
  stack: () => RunningStack & { direct?: { projections: ApiClient } },
): void {
  describe('a read-model rebuild', () => {
    const readModels = async () => {
      const ready = await (stack().direct?.projections ?? stack().projections).get<Ready>('/ready');
      return ready.body.checks['read-models']?.details;
    };

    it('answers every request while it replays, then lists every user and invite once from the new generations', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      const path = `/v1/accounts/${account.accountId}/users`;
      const created = [account.adminUserId];
      const create = async () => {
        const response = await account.admin.post<{ userId: string }>(path, newUserBody());
        expect(response.status).toBe(201);
        created.push(response.body.userId);
      };
      for (let i = 0; i < 20; i++) await create();
      const invitesPath = `/v1/accounts/${account.accountId}/invites`;
      const invite = { email: newUserBody()['email'], language: 'en', timeZone: 'UTC', roles: ['support'] };
      const invited = await account.admin.post<{ inviteId: string }>(invitesPath, invite);
      expect(invited.status).toBe(201);
      const before = (await readModels())?.generations['users-list'];
      expect(before).toEqual(expect.any(Number));
      const invitesBefore = (await readModels())?.generations['invites-list'];
      expect(invitesBefore).toEqual(expect.any(Number));

      let reading = true;
      const statuses: number[] = [];
      const reader = (async () => {
        while (reading) {
          const page = await stack().projections.as(account.adminToken).get(`${path}?sort=name&limit=200`);
          statuses.push(page.status);
        }
      })();
      const started = await stack().projections.as(stack().operatorToken).post('/v1/read-models/rebuild', {});
      expect(started.status).toBe(202);
      for (let i = 0; i < 10; i++) await create();
      await eventually(async () => {
        const state = await readModels();
        if (
          state?.rebuilding ||
          state?.generations['users-list'] === before ||
          state?.generations['invites-list'] === invitesBefore
        )
          throw new Error('still rebuilding');
      }, 60_000);
      reading = false;
      await reader;

      expect(statuses.length).toBeGreaterThan(0);
      expect(new Set(statuses)).toEqual(new Set([200]));
      const listed = await eventually(async () => {
        const page = await stack()
          .projections.as(account.adminToken)
          .get<{ items: { id: string }[] }>(`${path}?limit=200`);
        if (page.body.items.length < created.length) throw new Error('not all listed yet');
        return page.body.items.map((item) => item.id);
      }, 30_000);
      expect(listed).toHaveLength(created.length);
      expect(new Set(listed)).toEqual(new Set(created));
      const invites = await stack()
        .projections.as(account.adminToken)
        .get<{ items: { inviteId: string }[] }>(invitesPath);
      expect(invites.body.items.map((item) => item.inviteId)).toEqual([invited.body.inviteId]);
    });

    it('takes the operator token (401 otherwise)', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      expect((await stack().projections.post('/v1/read-models/rebuild', {})).status).toBe(401);
      expect((await account.admin.post('/v1/read-models/rebuild', {})).status).toBe(401);
    });
  });
}
