import { csvLine, neutralised, type Row } from '@gatehouse/read-model-kit';
import { usersListDeclaration } from '@gatehouse/users-list';
import { parse } from 'csv-parse/sync';
import { usersCsv } from './users-csv';

/** A user as the store keeps the exported columns (roles absent until one was granted). */
const user = (overrides: Record<string, unknown>): Row => ({
  id: 'u1',
  firstName: 'Zoë',
  lastName: 'Ångström',
  email: 'zoe@example.com',
  username: 'zoe',
  status: 'active',
  roles: ['support', 'developer'],
  lastLoginAt: null,
  deletionRequestedAt: null,
  ...overrides,
});

async function csvOf(users: Row[], bom = false): Promise<string> {
  const lines = async function* () {
    for (const row of users) yield csvLine(usersListDeclaration, row);
  };
  let csv = '';
  for await (const chunk of usersCsv(lines(), { bom })) csv += chunk;
  return csv;
}

describe('the users CSV', () => {
  it('neutralises cells a spreadsheet would evaluate, and only those', () => {
    for (const risky of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])
      expect(neutralised(risky)).toBe(`'${risky}`);
    for (const safe of ['Ada', 'a=b', '', ' =x']) expect(neutralised(safe)).toBe(safe);
  });

  it('has a header, CRLF records, roles in one column and quotes where RFC 4180 needs them', async () => {
    const csv = await csvOf([
      user({}),
      user({ firstName: 'Doe, "J"\nr', lastName: '', status: 'locked', roles: [] }),
      user({ firstName: 'Ada', lastName: 'Lovelace', roles: undefined, username: 'line\nbreak' }),
    ]);
    expect(csv.split('\r\n')[0]).toBe('Name,Email,Username,Roles,Last login,Status');
    expect(parse(csv, { columns: true })).toEqual([
      {
        Name: 'Zoë Ångström',
        Email: 'zoe@example.com',
        Username: 'zoe',
        Roles: 'support; developer',
        'Last login': '',
        Status: 'active',
      },
      {
        Name: 'Doe, "J"\nr',
        Email: 'zoe@example.com',
        Username: 'zoe',
        Roles: '',
        'Last login': '',
        Status: 'locked',
      },
      {
        Name: 'Ada Lovelace',
        Email: 'zoe@example.com',
        Username: 'line\nbreak',
        Roles: '',
        'Last login': '',
        Status: 'active',
      },
    ]);
  });

  it('shows a pending deletion as the status, and starts with a BOM only when asked', async () => {
    const withBom = await csvOf(
      [user({ deletionRequestedAt: '2025-02-01T00:00:00.000Z', firstName: '=cmd', lastName: '' })],
      true,
    );
    expect(withBom.startsWith('\ufeffName,')).toBe(true);
    expect(parse(withBom, { bom: true, columns: true })[0]).toMatchObject({
      Name: "'=cmd",
      Status: 'deletion-requested',
    });
    expect((await csvOf([])).startsWith('Name,')).toBe(true);
  });
});
