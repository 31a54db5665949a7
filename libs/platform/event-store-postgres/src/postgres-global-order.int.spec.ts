import type { StoredEvent } from '@gatehouse/contracts';
import { NO_STREAM, START } from '@gatehouse/event-store';
import {
  dropSchema,
  eventIds,
  holdAppendOpen,
  openTransaction,
  newTestEvent,
  readAllUntil,
  testEnv,
  uniqueName,
  withClient,
} from '@gatehouse/testing';
import { escapeIdentifier, type Pool, type QueryConfig, type QueryResult } from 'pg';
import { eventSql } from './event-sql';
import { PostgresEventStore } from './postgres-event-store';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

describe('PostgreSQL global order', () => {
  let schema: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    schema = uniqueName('gh_order');
    store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema, poolSize: 12 });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  describe('when the table holds many events', () => {
    it.each(['force_generic_plan', 'force_custom_plan'])(
      'reads a batch by an index scan of (tx_id, global_position), with no sort (%s)',
      async (planMode) => {
        const events = `${escapeIdentifier(schema)}.gh_events`;
        const plan = await withClient(async (client) => {
          await client.query(
            `INSERT INTO ${events} (tx_id, event_id, stream_id, stream_position, type, schema_version,
               account_id, occurred_at, actor, correlation_id, data)
             SELECT (i / 50 + 1)::text::xid8, gen_random_uuid(), 'user-' || i, 0, 'Seeded', 1, 'acct', now(),
               'seed', 'c', '{}'
             FROM generate_series(1, 20000) AS i`,
          );
          await client.query(`ANALYZE ${events}`);
          await client.query(`SET plan_cache_mode = ${planMode}`);
          await client.query(`PREPARE read_all AS ${eventSql(schema).readAll}`);
          const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            `EXPLAIN (FORMAT JSON) EXECUTE read_all('150', 7400, 500, '{}', '1000000')`,
          );
          return rows[0]['QUERY PLAN'][0].Plan;
        });
        const nodes = flatten(plan);
        expect(nodes.map((node) => node['Node Type'])).not.toContain('Sort');
        expect(nodes).toContainEqual(
          expect.objectContaining({ 'Node Type': 'Index Scan', 'Index Name': 'gh_events_tx_order' }),
        );
      },
    );
  });

  describe('when transactions that write no events stay open', () => {
    it('does not hold back events appended after them', async () => {
      const others = [
        await openTransaction('postgres', 'SELECT pg_current_xact_id()'),
        await openTransaction('test', 'SELECT pg_current_xact_id()'),
        await openTransaction(
          'test',
          `INSERT INTO ${escapeIdentifier(schema)}.gh_checkpoints VALUES ('other', 'x')`,
        ),
      ];
      const other = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema: `${schema}_b` });
      const heldElsewhere = await holdAppendOpen(`${schema}_b`, [['user-b', newTestEvent()]]);
      try {
        const event = newTestEvent();
        await store.append('user-1', [event], NO_STREAM);
        expect(eventIds(await store.readAll({ after: START, maxCount: 10 }))).toEqual([event.eventId]);
      } finally {
        await Promise.all(others.map((client) => client.end()));
        await heldElsewhere.end();
        await other.close();
        await dropSchema(`${schema}_b`);
      }
    });
  });

  describe('when an append of this store is in progress', () => {
    it('holds back every event after it until it commits, then reads it first', async () => {
      const unrelated = await openTransaction('postgres', 'SELECT pg_current_xact_id()');
      const early = newTestEvent();
      const held = await holdAppendOpen(schema, [['user-early', early]]);
      const late = newTestEvent();
      await store.append('user-late', [late], NO_STREAM);
      expect(await store.readAll({ after: START, maxCount: 10 })).toEqual([]);
      await held.commit();
      const read = await store.readAll({ after: START, maxCount: 10 });
      expect(eventIds(read)).toEqual([early.eventId, late.eventId]);
      await held.end();
      await unrelated.end();
    });
  });

  describe('when an append starts between the two looks of a read', () => {
    it('holds back events that commit after it, so it is not skipped when it commits', async () => {
      // The gap between the statements is where a late transaction could slip behind the checkpoint;
      // the pool is wrapped to stage one there: `early` starts, `late` commits after it, `early` last.
      const pool = (store as unknown as { pool: Pool }).pool;
      const query = pool.query.bind(pool) as (config: QueryConfig) => Promise<QueryResult>;
      const early = newTestEvent();
      const late = newTestEvent();
      let held: Awaited<ReturnType<typeof holdAppendOpen>> | undefined;
      jest.spyOn(pool, 'query').mockImplementation((async (config: QueryConfig) => {
        const result = await query(config);
        if (config.name === 'gh_appenders' && !held) {
          held = await holdAppendOpen(schema, [['user-early', early]]);
          await store.append('user-late', [late], NO_STREAM);
        }
        return result;
      }) as never);
      const first = await store.readAll({ after: START, maxCount: 10 });
      jest.restoreAllMocks();
      await held?.commit();
      await held?.end();
      const rest = await store.readAll({ after: first.at(-1)?.checkpoint ?? START, maxCount: 10 });
      expect(eventIds([...first, ...rest])).toEqual([early.eventId, late.eventId]);
    });
  });

  describe('when writers append while a reader follows', () => {
    it('reads every event once, each stream in order', async () => {
      const writers = 6;
      const appendsEach = 120;
      const abort = new AbortController();
      const read: StoredEvent[] = [];
      // Reads until every event came back, or — when one was skipped — for a while after the writers end.
      const reader = (async () => {
        let checkpoint = START;
        let idleSince = Date.now();
        while (
          read.length < writers * appendsEach * 2 &&
          (!abort.signal.aborted || Date.now() - idleSince < 3000)
        ) {
          const batch = await store.readAll({ after: checkpoint, maxCount: 7 });
          read.push(...batch);
          checkpoint = batch.at(-1)?.checkpoint ?? checkpoint;
          if (batch.length > 0) idleSince = Date.now();
          else await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const appended = await Promise.all(
        Array.from({ length: writers }, async (_, writer) => {
          const mine: string[] = [];
          for (let round = 0; round < appendsEach; round++) {
            const events = [newTestEvent(), newTestEvent()];
            if (round % 3 === 0) {
              await store.appendMulti([
                { streamId: `w${writer}-a`, events: [events[0]], expectedVersion: 'any' },
                { streamId: `w${writer}-b`, events: [events[1]], expectedVersion: 'any' },
              ]);
            } else {
              await store.append(`w${writer}-a`, events, 'any');
            }
            mine.push(...eventIds(events));
          }
          return mine;
        }),
      );
      abort.abort();
      await reader;
      expect(read).toHaveLength(writers * appendsEach * 2);
      expect(new Set(eventIds(read))).toEqual(new Set(appended.flat()));
      const positions = new Map<string, number[]>();
      for (const event of read)
        positions.set(event.streamId, [...(positions.get(event.streamId) ?? []), event.streamPosition]);
      for (const seen of positions.values()) expect(seen).toEqual(seen.map((_, index) => index));
      expect((await readAllUntil(store, START, read.length)).events).toEqual(read);
    }, 60_000);
  });
});
