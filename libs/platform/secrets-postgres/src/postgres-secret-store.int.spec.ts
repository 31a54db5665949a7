import { secretStoreContract, testEnv, uniqueName } from '@gatehouse/testing';
import { Pool } from 'pg';
import { PostgresSecretStore } from './postgres-secret-store';

async function openStore() {
  const pool = new Pool({ connectionString: testEnv.pgUrl, max: 2 });
  const schema = uniqueName('secrets');
  const store = await PostgresSecretStore.open(pool, schema);
  return {
    pool,
    store,
    cleanup: async () => {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

secretStoreContract('postgres', openStore);

describe('the PostgreSQL secret store', () => {
  it('stores the values put in one turn with one statement', async () => {
    const { pool, store, cleanup } = await openStore();
    try {
      const query = jest.spyOn(pool, 'query');
      const keys = Array.from({ length: 8 }, (_, n) => `reset:u${n}`);
      await Promise.all(keys.map((key) => store.put(key, `token of ${key}`)));
      expect(query).toHaveBeenCalledTimes(1);
      expect(await Promise.all(keys.map((key) => store.get(key)))).toEqual(
        keys.map((key) => `token of ${key}`),
      );
    } finally {
      jest.restoreAllMocks();
      await cleanup();
    }
  });
});

describe('when several instances open a new schema at once', () => {
  it('each opens it (CREATE … IF NOT EXISTS alone fails the losers of the race)', async () => {
    const schema = uniqueName('secrets_race');
    const pools = Array.from({ length: 6 }, () => new Pool({ connectionString: testEnv.pgUrl, max: 1 }));
    try {
      const opened = await Promise.allSettled(pools.map((pool) => PostgresSecretStore.open(pool, schema)));
      expect(opened.filter((result) => result.status === 'rejected')).toEqual([]);
    } finally {
      await pools[0].query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });
});
