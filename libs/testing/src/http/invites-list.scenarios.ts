import { type ApiResponse, eventually } from './api-client';
import { openAccount, type OpenedAccount } from './scenario';
import type { LifecycleStack } from './user-lifecycle.kit';

interface ListedInvite {
  readonly inviteId: string;
  readonly email: string;
  readonly status: string;
}
interface InvitesPage {
  readonly items: ListedInvite[];
  readonly nextCursor: string | null;
  readonly total: number;
}

/** Search, filters, sorts and paging of the invites list, in every runtime mode. */
export function invitesListScenarios(stack: () => LifecycleStack): void {
  describe('the invites list', () => {
    let account: OpenedAccount;
    const ids: Record<string, string> = {};
    const tag = Date.now().toString(36);
    const invitesPath = () => `/v1/accounts/${account.accountId}/invites`;
    const list = (query: string): Promise<ApiResponse<InvitesPage>> =>
      account.admin.get<InvitesPage>(`${invitesPath()}${query}`);
    const names = async (query: string) => {
      const page = await list(query);
      expect(page.status).toBe(200);
      const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
      return page.body.items.map((item) => byId.get(item.inviteId) ?? item.inviteId);
    };

    // Invited in this order; emails sort emile, anon, rita, zoe. Rita's invite is revoked.
    beforeAll(async () => {
      account = await openAccount(stack().users, stack().operatorToken);
      const invitees = {
        zoe: { firstName: 'Zoë', lastName: 'Ångström', email: `d.${tag}@example.com`, roles: ['support'] },
        emile: {
          ...{ firstName: 'Émile', lastName: 'Zola', email: `a.${tag}@example.net` },
          roles: ['developer', 'support'],
        },
        anon: { email: `b.${tag}@example.com`, roles: ['developer'] },
        rita: { firstName: 'Rita', lastName: 'Levi', email: `c.${tag}@example.org`, roles: ['developer'] },
      };
      for (const [name, invitee] of Object.entries(invitees)) {
        const body = { language: 'en', timeZone: 'Europe/Rome', ...invitee };
        const sent = await account.admin.post<{ inviteId: string }>(invitesPath(), body);
        if (sent.status !== 201)
          throw new Error(`invite failed: ${sent.status} ${JSON.stringify(sent.body)}`);
        ids[name] = sent.body.inviteId;
      }
      const revoked = await account.admin.post(`${invitesPath()}/${ids['rita']}/revocation`, {});
      if (revoked.status !== 204) throw new Error(`revocation failed: ${revoked.status}`);
      await eventually(async () => {
        const rows = (await list('?limit=200')).body.items;
        if (rows.length !== 4 || !rows.some((row) => row.status === 'revoked'))
          throw new Error('the list has not caught up yet');
      }, 30_000);
    }, 120_000);

    it('finds invites by a prefix of the name, of a word of it or of the email, in any case and accent', async () => {
      const zoe = (await list('?q=zoe')).body;
      expect(zoe.items.map((item) => item.inviteId)).toEqual([ids['zoe']]);
      expect(zoe.total).toBe(1);
      expect(await names('?q=ZOL')).toEqual(['emile']);
      expect(await names('?q=emile%20z')).toEqual(['emile']);
      expect(await names(`?q=B.${tag}`)).toEqual(['anon']);
      expect(await names('?q=nobody-here')).toEqual([]);
    });

    it('filters by status and by any of the roles offered, combined with a search', async () => {
      expect(await names('?role=support')).toEqual(['emile', 'zoe']);
      expect(await names('?status=revoked')).toEqual(['rita']);
      expect(await names('?status=pending&role=developer')).toEqual(['anon', 'emile']);
      expect(await names('?status=pending&q=z')).toEqual(['emile', 'zoe']);
      expect(await names('?status=revoked&role=support')).toEqual([]);
      const page = await list('?role=developer&limit=1');
      expect([page.body.total, page.body.items.length]).toEqual([3, 1]);
    });

    it('sorts by name and email either way, and by invite time oldest first when asked', async () => {
      expect(await names('?sort=name')).toEqual(['anon', 'emile', 'rita', 'zoe']);
      expect(await names('?sort=name&order=desc')).toEqual(['zoe', 'rita', 'emile', 'anon']);
      expect(await names('?sort=email')).toEqual(['emile', 'anon', 'rita', 'zoe']);
      expect(await names('?sort=email&order=desc')).toEqual(['zoe', 'rita', 'anon', 'emile']);
      expect(await names('')).toEqual(['rita', 'anon', 'emile', 'zoe']);
      expect(await names('?sort=invited&order=asc')).toEqual(['zoe', 'emile', 'anon', 'rita']);
      expect(await names('?sort=expires&status=pending')).toEqual(['zoe', 'emile', 'anon']);
    });

    it('pages with a cursor bound to its query and refuses bad parameters with 400 naming the field', async () => {
      const first = await list('?sort=email&limit=3');
      expect([first.body.total, first.body.items.length]).toEqual([4, 3]);
      const cursor = encodeURIComponent(first.body.nextCursor as string);
      expect(await names(`?sort=email&limit=3&cursor=${cursor}`)).toEqual(['zoe']);
      for (const [query, field] of [
        [`?sort=name&limit=3&cursor=${cursor}`, 'cursor'],
        [`?sort=email&limit=3&q=a&cursor=${cursor}`, 'cursor'],
        ['?sort=age', 'sort'],
        ['?order=up', 'order'],
        ['?status=asleep', 'status'],
        ['?limit=201', 'limit'],
        [`?q=${'x'.repeat(101)}`, 'q'],
      ]) {
        const response = await list(query);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(
          (response.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field),
        ).toContain(field);
      }
    });
  });
}
