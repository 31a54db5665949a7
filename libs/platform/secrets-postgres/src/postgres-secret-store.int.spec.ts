import { secretStoreContract, testEnv, uniqueName } from '@gatehouse/testing';
import { Pool } from 'pg';
import { PostgresSecretStore } from './postgres-secret-store';

secretStoreContract('postgres', async () => {
  const pool = new Pool({ connectionString: testEnv.pgUrl, max: 2 });
  const schema = uniqueName('secrets');
  const store = await PostgresSecretStore.open(pool, schema);
  return {
    store,
    cleanup: async () => {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
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
