import { secretStoreContract, sqliteWalFile } from '@gatehouse/testing';
import Database from 'better-sqlite3';
import { SqliteSecretStore } from './sqlite-secret-store';

secretStoreContract('sqlite', async () => {
  const db = new Database(':memory:');
  return { store: new SqliteSecretStore(db), cleanup: async () => void db.close() };
});

describe('SqliteSecretStore in a file', () => {
  const file = sqliteWalFile();
  const store = new SqliteSecretStore(file.db);
  afterAll(() => file.remove());

  it('commits the values stored in one turn once', async () => {
    const one = await file.loggedPages(() => store.put('reset:first', 'token 0'));
    const eight = await file.loggedPages(() =>
      Promise.all(Array.from({ length: 8 }, (_, i) => store.put(`reset:u${i}`, `token ${i}`))),
    );

    expect(one).toBeGreaterThan(0);
    expect(eight).toBe(one);
    expect(await store.get('reset:u7')).toBe('token 7');
  });
});
