import { secretStoreContract } from '@gatehouse/testing';
import Database from 'better-sqlite3';
import { SqliteSecretStore } from './sqlite-secret-store';

secretStoreContract('sqlite', async () => {
  const db = new Database(':memory:');
  return { store: new SqliteSecretStore(db), cleanup: async () => void db.close() };
});
