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
