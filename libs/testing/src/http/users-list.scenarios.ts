import { eventually } from './api-client';
import type { LifecycleStack } from './user-lifecycle.kit';
import { listPage, namesOf, openPeopleAccount, type PeopleAccount } from './users-list.kit';

/** Search, filters, sorts and paging of the users list, in every runtime mode. */
export function usersListScenarios(stack: () => LifecycleStack): void {
  describe('the users list', () => {
    let people: PeopleAccount;
    beforeAll(async () => {
      people = await openPeopleAccount(stack());
    }, 120_000);
    const names = async (query: string) => {
      const page = await listPage(stack(), people, query);
      expect(page.status).toBe(200);
      return namesOf(people, page.body.items);
    };

    it('finds "Zoë" by "zoe", and by a prefix of the last name, username or email, in any case', async () => {
      const response = await listPage(stack(), people, '?q=zoe');
      // The page's text is made from the rows' stored JSON, not serialised by the framework.
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const zoe = response.body;
      expect(namesOf(people, zoe.items)).toEqual(['zoe']);
      expect(zoe.total).toBe(1);
      expect(zoe.items[0]).toMatchObject({
        name: 'Zoë Ångström',
        roles: ['support'],
        status: 'active',
        lastLoginAt: null,
      });
      expect(await names('?q=ANGS')).toEqual(['zoe']);
      expect(
        await names(`?q=${encodeURIComponent(zoe.items[0].username.slice(0, 9).toUpperCase())}`),
      ).toContain('zoe');
      expect(await names(`?q=${encodeURIComponent(zoe.items[0].email.slice(0, 10))}`)).toContain('zoe');
      expect(await names('?q=nobody-here')).toEqual([]);
    });

    it('filters by status, pending deletion, any of several roles, language and last login, combined', async () => {
      expect(await names('?status=disabled')).toEqual(['emile']);
      expect(await names('?status=deletion-requested')).toEqual(['bob']);
      expect(await names('?status=disabled,deletion-requested&sort=name')).toEqual(['bob', 'emile']);
      expect(await names('?role=support,developer')).toEqual(['zoe', 'emile']);
      expect(await names('?role=support&role=account-admin')).toEqual(['admin', 'zoe']);
      expect(await names('?language=fr')).toEqual(['zoe']);
      expect(await names('?neverLoggedIn=true')).toEqual(['zoe', 'emile', 'bob']);
      expect(await names(`?lastLoginAfter=${people.loginsFrom}`)).toEqual(['member']);
      expect(await names(`?lastLoginBefore=${people.loginsFrom}`)).toEqual(['admin']);
      expect(await names('?status=active&language=fr&q=z')).toEqual(['zoe']);
      const filtered = await listPage(stack(), people, '?status=active&limit=1');
      expect([filtered.body.total, filtered.body.items.length]).toEqual([4, 1]);
    });

    it('sorts by name, username, email, last login and creation, either way', async () => {
      expect(await names('?sort=name')).toEqual(['bob', 'admin', 'emile', 'member', 'zoe']);
      expect(await names('?sort=name&order=desc')).toEqual(['zoe', 'member', 'emile', 'admin', 'bob']);
      expect(await names('?sort=created')).toEqual(['admin', 'zoe', 'emile', 'bob', 'member']);
      expect((await names('?sort=lastLogin&order=desc')).slice(0, 2)).toEqual(['member', 'admin']);
      for (const column of ['username', 'email'] as const) {
        const rows = (await listPage(stack(), people, `?sort=${column}`)).body.items;
        const values = rows.map((row) => row[column].toLowerCase());
        expect(values).toEqual([...values].sort());
        const reversed = (await listPage(stack(), people, `?sort=${column}&order=desc`)).body.items;
        expect(reversed.map((row) => row.id)).toEqual(rows.map((row) => row.id).reverse());
      }
    });

    it('pages with an opaque cursor and gives the total of the filtered set on every page', async () => {
      const seen: string[] = [];
      let query = '?sort=name&limit=2';
      for (let pages = 0; pages < 5; pages++) {
        const page = await listPage(stack(), people, query);
        expect(page.body.total).toBe(5);
        seen.push(...namesOf(people, page.body.items));
        if (!page.body.nextCursor) break;
        query = `?sort=name&limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`;
      }
      expect(seen).toEqual(['bob', 'admin', 'emile', 'member', 'zoe']);
    });

    it('refuses a tampered or foreign cursor and bad parameters with 400 naming the field', async () => {
      const first = await listPage(stack(), people, '?sort=name&limit=2');
      const cursor = first.body.nextCursor as string;
      const tampered = `${cursor.slice(0, -2)}${cursor.endsWith('AA') ? 'BB' : 'AA'}`;
      for (const [query, field] of [
        [`?sort=name&limit=2&cursor=${encodeURIComponent(tampered)}`, 'cursor'],
        [`?sort=email&limit=2&cursor=${encodeURIComponent(cursor)}`, 'cursor'],
        ['?cursor=garbage', 'cursor'],
        ['?limit=201', 'limit'],
        ['?status=asleep', 'status'],
        ['?sort=age', 'sort'],
        ['?lastLoginAfter=yesterday', 'lastLoginAfter'],
        // ISO 8601 forms no Date reads: once a 500.
        ['?lastLoginAfter=20261201', 'lastLoginAfter'],
        ['?lastLoginBefore=2026-W01', 'lastLoginBefore'],
      ]) {
        const response = await listPage(stack(), people, query);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(
          (response.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field),
        ).toContain(field);
      }
    });

    it('neither skips nor repeats an unchanged row when rows change between two pages', async () => {
      const first = await listPage(stack(), people, '?sort=name&limit=2');
      expect(namesOf(people, first.body.items)).toEqual(['bob', 'admin']);
      const admin = people.account.admin;
      const aaron = await admin.post<{ userId: string }>(people.usersPath, {
        ...{ firstName: 'Aaron', lastName: 'Able', language: 'en', timeZone: 'Europe/London' },
        ...{ email: `aaron.${Date.now()}@example.com`, username: `aaron.${Date.now()}` },
      });
      expect(aaron.status).toBe(201);
      expect(
        (await admin.patch(`${people.usersPath}/${people.ids.emile}`, { firstName: 'Zzz' })).status,
      ).toBe(204);
      await eventually(async () => {
        const all = await names('?sort=name');
        if (all[1] !== aaron.body.userId || all.at(-1) !== 'emile') throw new Error('not projected yet');
      }, 30_000);
      const cursor = encodeURIComponent(first.body.nextCursor as string);
      const rest = await listPage(stack(), people, `?sort=name&limit=10&cursor=${cursor}`);
      expect(namesOf(people, rest.body.items)).toEqual(['member', 'zoe', 'emile']);
      expect(rest.body.total).toBe(6);
    });
  });
}
