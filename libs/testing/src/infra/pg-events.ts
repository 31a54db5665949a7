import type { NewEvent } from '@gatehouse/contracts';
import { Client, escapeIdentifier } from 'pg';
import {
  type CraftedOrderKeys,
  eventColumns,
  eventValues,
  type HeldAppend,
} from '../contracts/event-store.fixtures';
import { testEnv } from './env';

/** Raw access to a PostgreSQL event store's tables, for tests that stage what the store itself never does. */
export async function withClient<T>(use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export const dropSchema = (schema: string) =>
  withClient((client) => client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`));

/** Another writer's transaction, on its own connection: inserts each event at position 0 of its stream. */
export async function holdAppendOpen(
  schema: string,
  rows: readonly (readonly [streamId: string, event: NewEvent])[],
): Promise<HeldAppend & { rollback(): Promise<void>; end(): Promise<void> }> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  await client.query('BEGIN');
  for (const [streamId, event] of rows) {
    await client.query(
      `INSERT INTO ${escapeIdentifier(schema)}.gh_events (${eventColumns})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      eventValues(streamId, event),
    );
  }
  return {
    commit: async () => {
      await client.query('COMMIT');
    },
    rollback: async () => {
      await client.query('ROLLBACK');
    },
    end: () => client.end(),
  };
}

/**
 * Crafted tx_ids must lie below the transactions readers compare them with, so the server's counter is
 * moved past 100,000 first (once per server: a procedure-style loop of empty commits, ~1 s).
 */
export const craftedOrderKeys = (schema: string): CraftedOrderKeys => ({
  limit: () =>
    withClient(async (client) => {
      const current = async () =>
        BigInt((await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0].xid);
      const needed = 100_010n - (await current());
      if (needed > 0n) {
        await client.query(
          `DO $$ BEGIN FOR i IN 1..${needed} LOOP PERFORM pg_current_xact_id(); COMMIT; END LOOP; END $$`,
        );
      }
      return (await current()) - 1n;
    }),
  seed: (rows) =>
    withClient(async (client) => {
      await client.query('BEGIN');
      for (const { key, streamId, event } of rows) {
        await client.query(
          `INSERT INTO ${escapeIdentifier(schema)}.gh_events (tx_id, ${eventColumns})
           VALUES ($12::xid8, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [...eventValues(streamId, event), String(key)],
        );
      }
      await client.query('COMMIT');
    }),
});

/** A transaction left open on its own connection after `statements`, as another application might. */
export async function openTransaction(database: string, ...statements: string[]): Promise<Client> {
  const client = new Client({ connectionString: testEnv.pgUrl.replace(/\/[^/]*$/, `/${database}`) });
  await client.connect();
  await client.query('BEGIN');
  for (const statement of statements) await client.query(statement);
  return client;
}
