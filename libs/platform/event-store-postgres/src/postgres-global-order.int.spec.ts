import type { StoredEvent } from '@gatehouse/contracts';
import { NO_STREAM, START } from '@gatehouse/event-store';
import {
  appendNoticesOf,
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
import { escapeIdentifier } from 'pg';
import { PostgresEventStore } from './postgres-event-store';

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

/**
 * gh_read_all's two looks taken one at a time, with `between` run in the gap: the ids the second look
 * returns, and what `between` gave.
 */
async function readAroundGap<T>(
  schema: string,
  between: () => Promise<T>,
): Promise<{ first: string[]; staged: T }> {
  const functions = escapeIdentifier(schema);
  return withClient(async (client) => {
    const looked = await client.query<{ next: string; appenders: string[] }>(
      `SELECT next::text, appenders::text[] FROM ${functions}.gh_appenders()`,
    );
    const staged = await between();
    const { next, appenders } = looked.rows[0];
    const below = await client.query<{ event_id: string }>(
      `SELECT event_id FROM ${functions}.gh_read_below('0', 0, 10, $1, $2)`,
      [next, appenders],
    );
    return { first: below.rows.map((row) => row.event_id), staged };
  });
}

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
          // The second look of gh_read_all, which the planner inlines into the statement calling it.
          await client.query(
            `PREPARE read_below AS SELECT * FROM ${escapeIdentifier(schema)}.gh_read_below(
               $1::xid8, $2::bigint, $3::int, $4::xid8, $5::bigint[])`,
          );
          const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            `EXPLAIN (FORMAT JSON) EXECUTE read_below('150', 7400, 500, '1000000', '{}')`,
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
      // The gap between gh_read_all's two looks is where a late transaction could slip behind the
      // checkpoint; the looks are taken one at a time here to stage one there: `early` starts, `late`
      // commits after it, `early` last.
      const early = newTestEvent();
      const late = newTestEvent();
      const { first, staged: held } = await readAroundGap(schema, async () => {
        const started = await holdAppendOpen(schema, [['user-early', early]]);
        await store.append('user-late', [late], NO_STREAM);
        return started;
      });
      expect(first).toEqual([]);
      await held.commit();
      await held.end();
      expect(eventIds(await store.readAll({ after: START, maxCount: 10 }))).toEqual([
        early.eventId,
        late.eventId,
      ]);
    });
  });

  describe('when a transaction that appends nothing starts between the two looks of a read', () => {
    it('holds back an append that commits after it, whose notice then wakes a read that returns it', async () => {
      // The one hold-back no commit announces: a checkpoint save (say) gets its xid after the first look
      // and an append commits after it, before the second. That append's notice is necessarily after any
      // mark taken before the read, and the next read's first look no longer counts the save: a reader
      // waiting for notices needs no polling (docs/adr/20261202-notices-alone-wake-readers-of-postgresql.md).
      const notices = await appendNoticesOf(store);
      const mark = notices.mark();
      const appended = newTestEvent();
      const save = `INSERT INTO ${escapeIdentifier(schema)}.gh_checkpoints VALUES ('other', 'x')`;
      const { first, staged: saving } = await readAroundGap(schema, async () => {
        const open = await openTransaction('test', save);
        await store.append('user-1', [appended], NO_STREAM);
        return open;
      });
      try {
        expect(first).toEqual([]);
        const waited = Date.now();
        await notices.wait(mark, 60_000, new AbortController().signal);
        expect(Date.now() - waited).toBeLessThan(30_000);
        expect(eventIds(await store.readAll({ after: START, maxCount: 10 }))).toEqual([appended.eventId]);
      } finally {
        await saving.end();
      }
    });
  });

  describe('when a read runs in a transaction of one snapshot', () => {
    it('refuses, as its second look would not be later than its first', async () => {
      const read = withClient(async (client) => {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
        await client.query(`SELECT * FROM ${escapeIdentifier(schema)}.gh_read_all('0', 0, 10)`);
      });
      await expect(read).rejects.toThrow('needs READ COMMITTED');
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
