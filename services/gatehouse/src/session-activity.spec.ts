import { InMemorySecretStore } from '@gatehouse/secrets';
import { SqliteSecretStore } from '@gatehouse/secrets-sqlite';
import { sessionActivityContract } from '@gatehouse/testing';
import Database from 'better-sqlite3';
import { StoredSessionActivity } from '@gatehouse/identity';

sessionActivityContract('secret store in memory', async () => ({
  activity: new StoredSessionActivity(new InMemorySecretStore()),
  cleanup: async () => undefined,
}));

sessionActivityContract('secret store on SQLite (embedded)', async () => {
  const db = new Database(':memory:');
  return {
    activity: new StoredSessionActivity(new SqliteSecretStore(db)),
    cleanup: async () => void db.close(),
  };
});
