import { readDistributedEnv } from '@gatehouse/config';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { dropSchema, freePort, testEnv, uniqueName, withClient } from '@gatehouse/testing';
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

  it('opens the KurrentDB store when GATEHOUSE_KURRENTDB_URL names one: the schema first, then the server', async () => {
    const port = await freePort();
    const schema = uniqueName('gh_open');
    const env = readDistributedEnv(
      {
        GATEHOUSE_PG_URL: testEnv.pgUrl,
        GATEHOUSE_PG_SCHEMA: schema,
        GATEHOUSE_KURRENTDB_URL: `kurrentdb://127.0.0.1:${port}?tls=false`,
      },
      0,
    );
    try {
      await expect(openEventStore(env, 1)).rejects.toThrow(
        `KurrentDB at kurrentdb://127.0.0.1:${port}?tls=false`,
      );
      // The delivery logs' tables, which the users and invites services write on PostgreSQL either way.
      const { rows } = await withClient((client) =>
        client.query<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`,
          [schema],
        ),
      );
      expect(rows.map(({ name }) => name)).toEqual(
        expect.arrayContaining(['gh_dead_letters', 'gh_sent_messages']),
      );
    } finally {
      await dropSchema(schema);
    }
  });
});
