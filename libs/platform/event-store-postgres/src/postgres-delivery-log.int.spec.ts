import { deliveryLogContract, testEnv, uniqueName } from '@gatehouse/testing';
import { Pool } from 'pg';
import { PostgresDeliveryLog } from './postgres-delivery-log';
import { PostgresEventStore } from './postgres-event-store';

deliveryLogContract('postgres', async () => {
  const schema = uniqueName('deliveries');
  const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema, poolSize: 1 });
  const pool = new Pool({ connectionString: testEnv.pgUrl, max: 2 });
  return {
    log: PostgresDeliveryLog.open(pool, schema),
    cleanup: async () => {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([pool.end(), store.close()]);
    },
  };
});
