import { readDistributedEnv } from '@gatehouse/config';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { dropSchema, freePort, testEnv, uniqueName } from '@gatehouse/testing';
import { openEventStore } from './open-event-store';

describe('openEventStore', () => {
  it('opens the PostgreSQL store when no KurrentDB is named', async () => {
    const schema = uniqueName('gh_open');
    const env = readDistributedEnv({ GATEHOUSE_PG_URL: testEnv.pgUrl, GATEHOUSE_PG_SCHEMA: schema }, 0);
    const store = await openEventStore(env, 1);
    try {
      expect(store).toBeInstanceOf(PostgresEventStore);
    } finally {
      await store.close();
      await dropSchema(schema);
    }
  });

  it('opens the KurrentDB store when GATEHOUSE_KURRENTDB_URL names one, and fails when it does not answer', async () => {
    const port = await freePort();
    const env = readDistributedEnv({ GATEHOUSE_KURRENTDB_URL: `kurrentdb://127.0.0.1:${port}?tls=false` }, 0);
    await expect(openEventStore(env, 1)).rejects.toThrow(
      `KurrentDB at kurrentdb://127.0.0.1:${port}?tls=false`,
    );
  });
});
