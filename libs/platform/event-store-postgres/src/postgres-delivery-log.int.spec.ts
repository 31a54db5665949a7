import { deliveryLogContract, testEnv, uniqueName } from '@gatehouse/testing';
import { Pool } from 'pg';
import { PostgresDeliveryLog } from './postgres-delivery-log';
import { PostgresEventStore } from './postgres-event-store';

/** A log in a schema of its own, which the store's migrations create and cleanup drops. */
async function openLog() {
  const schema = uniqueName('deliveries');
  const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema, poolSize: 1 });
  const pool = new Pool({ connectionString: testEnv.pgUrl, max: 2 });
  return {
    pool,
    log: PostgresDeliveryLog.open(pool, schema),
    cleanup: async () => {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await Promise.all([pool.end(), store.close()]);
    },
  };
}

deliveryLogContract('postgres', openLog);

describe('the PostgreSQL delivery log', () => {
  it('looks up the keys asked for in one turn in one statement', async () => {
    const { pool, log, cleanup } = await openLog();
    try {
      await log.recordSent('e2:invite');
      const query = jest.spyOn(pool, 'query');
      const keys = Array.from({ length: 8 }, (_, n) => `e${n}:invite`);
      const sent = await Promise.all(keys.map((key) => log.wasSent(key)));
      expect(sent.filter(Boolean)).toHaveLength(1);
      expect(sent[2]).toBe(true);
      expect(query).toHaveBeenCalledTimes(1);
    } finally {
      jest.restoreAllMocks();
      await cleanup();
    }
  });

  it('records the keys sent in one turn with one statement', async () => {
    const { pool, log, cleanup } = await openLog();
    try {
      const query = jest.spyOn(pool, 'query');
      const keys = Array.from({ length: 8 }, (_, n) => `e${n}:invite`);
      await Promise.all(keys.map((key) => log.recordSent(key)));
      expect(query).toHaveBeenCalledTimes(1);
      expect(await Promise.all(keys.map((key) => log.wasSent(key)))).toEqual(keys.map(() => true));
    } finally {
      jest.restoreAllMocks();
      await cleanup();
    }
  });
});
