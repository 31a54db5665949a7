import type { NewEvent } from '@gatehouse/contracts';
import { NO_STREAM } from '@gatehouse/event-store';
import { eventStoreContract, type HeldAppend, newTestEvent, testEnv, uniqueName } from '@gatehouse/testing';
import { Client, escapeIdentifier } from 'pg';
import { migrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const dropSchema = (schema: string) =>
  withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`));

/** Another writer's transaction, on its own connection: inserts the event and waits to be committed. */
async function holdAppendOpen(
  schema: string,
  streamId: string,
  event: NewEvent,
): Promise<HeldAppend & { end(): Promise<void> }> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO ${escapeIdentifier(schema)}.gh_events (event_id, stream_id, stream_position, type, schema_version,
       account_id, occurred_at, actor, correlation_id, causation_id, data)
     VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      event.eventId,
      streamId,
      event.type,
      event.schemaVersion,
      event.accountId,
      event.occurredAt,
      event.actor,
      event.correlationId,
      event.causationId,
      JSON.stringify(event.data),
    ],
  );
  return {
    commit: async () => {
      await client.query('COMMIT');
    },
    end: () => client.end(),
  };
}

eventStoreContract(
  'PostgreSQL',
  async () => {
    const schema = uniqueName('gh_es');
    const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema, poolSize: 20 });
    const held: { end(): Promise<void> }[] = [];
    return {
      store,
      holdAppendOpen: async (streamId, event) => {
        const transaction = await holdAppendOpen(schema, streamId, event);
        held.push(transaction);
        return transaction;
      },
      cleanup: async () => {
        await Promise.all(held.map((transaction) => transaction.end()));
        await store.close();
        await dropSchema(schema);
      },
    };
  },
  { heldTransactions: true },
);

describe('PostgreSQL event store schema', () => {
  const schema = uniqueName('gh_es');
  afterAll(() => dropSchema(schema));

  describe('when many instances start at once on a new schema', () => {
    it('migrates it once and every instance works', async () => {
      const stores = await Promise.all(
        Array.from({ length: 4 }, () => PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema })),
      );
      const results = await Promise.all(
        stores.map((store, index) => store.append(`user-${index}`, [newTestEvent()], NO_STREAM)),
      );
      expect(results.map((result) => result.nextExpectedVersion)).toEqual([0, 0, 0, 0]);
      await Promise.all(stores.map((store) => store.close()));
      const applied = await withClient((client) =>
        client.query(`SELECT version FROM ${escapeIdentifier(schema)}.gh_migrations ORDER BY version`),
      );
      expect(applied.rows.map((row) => row.version)).toEqual(
        migrations.map((migration) => migration.version),
      );
    });
  });

  describe('when a checkpoint is not one of this store', () => {
    it('refuses to read from it', async () => {
      const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
      await expect(store.readAll({ after: '42', maxCount: 1 })).rejects.toThrow(/checkpoint/);
      await store.close();
    });
  });
});
