import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import { sessionActivityContract, testEnv, uniqueName } from '@gatehouse/testing';
import { Pool } from 'pg';
import { StoredSessionActivity } from '@gatehouse/identity';

sessionActivityContract('secret store on PostgreSQL (distributed)', async () => {
  const pool = new Pool({ connectionString: testEnv.pgUrl, max: 2 });
  const schema = uniqueName('session_activity');
  const activity = new StoredSessionActivity(await PostgresSecretStore.open(pool, schema));
  return {
    activity,
    cleanup: async () => {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
});
