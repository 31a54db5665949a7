import { parse } from 'csv-parse/sync';
import type { LifecycleStack } from './user-lifecycle.kit';
import { listPage, namesOf, openPeopleAccount, type PeopleAccount } from './users-list.kit';

interface CsvRow {
  Name: string;
  Email: string;
  Username: string;
  Roles: string;
  'Last login': string;
  Status: string;
}

/** The users list as CSV, in every runtime mode: parsed back with the CSV library, compared with the list. */
export function usersExportScenarios(stack: () => LifecycleStack): void {
  describe('the users CSV export', () => {
    let people: PeopleAccount;
    beforeAll(async () => {
      people = await openPeopleAccount(stack());
    }, 120_000);

    /** Raw bytes: fetch's text() would drop a byte order mark. */
    const exported = async (query: string, token = people.account.adminToken) => {
      const response = await fetch(`${stack().projections.baseUrl}${people.usersPath}/export.csv${query}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      return { response, bytes: Buffer.from(await response.arrayBuffer()) };
    };
    const rowsOf = (bytes: Buffer): CsvRow[] => parse(bytes, { bom: true, columns: true });

    it('holds exactly the filtered and sorted list, one row per user, roles in one column, formulas neutralised', async () => {
      const { response, bytes } = await exported('?sort=name&order=desc');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
      const csv = bytes.toString('utf8');
      expect(csv.split('\r\n')[0]).toBe('Name,Email,Username,Roles,Last login,Status');
      const listed = (await listPage(stack(), people, '?sort=name&order=desc&limit=200')).body.items;
      const rows = rowsOf(bytes);
      expect(rows.map((row) => row.Email)).toEqual(listed.map((item) => item.email));
      expect(namesOf(people, listed)).toEqual(['zoe', 'member', 'emile', 'admin', 'bob']);
      expect(rows[0]).toMatchObject({
        Name: 'Zoë Ångström',
        Roles: 'support',
        Status: 'active',
        'Last login': '',
      });
      expect(rows[2]).toMatchObject({ Status: 'disabled', Roles: 'developer' });
      expect(rows[4]).toMatchObject({ Name: "'=Bob Brown", Status: 'deletion-requested' });
      expect(rows[1]['Last login']).toBe(listed[1].lastLoginAt);
    });

    it('applies the search and filters of the list, and starts with a BOM when asked', async () => {
      const { bytes } = await exported('?q=zo&status=active&bom=true');
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
      expect(rowsOf(bytes).map((row) => row.Name)).toEqual(['Zoë Ångström']);
      expect(rowsOf((await exported('?status=locked')).bytes)).toEqual([]);
    });

    it('answers bad parameters with 400, a caller without users:read with 403 and no session with 401', async () => {
      const bad = await exported('?status=asleep');
      expect([bad.response.status, bad.response.headers.get('content-type')]).toEqual([
        400,
        expect.stringContaining('problem+json'),
      ]);
      const login = await stack().users.post<{ token: string }>('/v1/sessions', {
        username: 'nobody',
        password: 'x',
      });
      expect(login.status).toBe(401);
      const anonymous = await exported('', 'not-a-session');
      expect(anonymous.response.status).toBe(401);
    });
  });
}
