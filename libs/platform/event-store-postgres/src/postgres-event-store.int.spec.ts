import { NO_STREAM, WrongExpectedVersion } from '@gatehouse/event-store';
import {
  craftedOrderKeys,
  dropSchema,
  eventStoreContract,
  holdAppendOpen,
  newTestEvent,
  testEnv,
  uniqueName,
  withClient,
} from '@gatehouse/testing';
import { escapeIdentifier } from 'pg';
import { migrations } from './migrations';
import { PostgresEventStore } from './postgres-event-store';

/** Waits until `count` statements on `schema` wait for a lock (a row another transaction inserted). */
async function untilBlocked(schema: string, count: number): Promise<void> {
  for (;;) {
    const { rows } = await withClient((client) =>
      client.query<{ blocked: number }>(
        `SELECT count(*)::int AS blocked FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND position($1 IN query) > 0`,
        [escapeIdentifier(schema)],
      ),
    );
    if (rows[0].blocked >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
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
        const transaction = await holdAppendOpen(schema, [[streamId, event]]);
        held.push(transaction);
        return transaction;
      },
      orderKeys: craftedOrderKeys(schema),
      cleanup: async () => {
        await Promise.all(held.map((transaction) => transaction.end()));
        await store.close();
        await dropSchema(schema);
      },
    };
  },
  { heldTransactions: true, craftedOrder: true },
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

  describe('when two multi-appends take the same streams in opposite orders', () => {
    it('fails the later one on the first shared stream instead of deadlocking', async () => {
      // An open transaction holds order-x and order-y. Written in input order, each call would take its
      // first shared stream (a, b), wait at x or y, then — once that transaction rolls back — reach for
      // the other's stream: a deadlock, every time. Written sorted, the later call waits at order-a.
      const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
      const held = await holdAppendOpen(schema, [
        ['order-x', newTestEvent()],
        ['order-y', newTestEvent()],
      ]);
      const calls = [
        ['order-a', 'order-x', 'order-b'],
        ['order-b', 'order-y', 'order-a'],
      ].map((streams) =>
        store.appendMulti(
          streams.map((streamId) => ({ streamId, events: [newTestEvent()], expectedVersion: NO_STREAM })),
        ),
      );
      await untilBlocked(schema, 2);
      await held.rollback();
      const outcomes = await Promise.allSettled(calls);
      await held.end();
      await store.close();
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
      expect(lost).toEqual([expect.any(WrongExpectedVersion)]);
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
