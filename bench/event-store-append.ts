import type { NewEvent } from '@gatehouse/contracts';
import { NO_STREAM, type StreamAppend } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { randomUUID } from 'node:crypto';
import { escapeIdentifier, Pool } from 'pg';
import { v7 as uuidv7 } from 'uuid';

/**
 * How close the PostgreSQL adapter's append comes to the cheapest durable write there is: one raw
 * single-row INSERT into a table with the same columns and indexes, autocommit. Both run with the
 * server's default (durable) synchronous_commit, with as many pool connections as writers. Beside them, the
 * rate of the adapter's appendMulti of one event to each of three new streams (a user's creation: username,
 * user, roles), in calls per second: one statement and one commit per call, as a single append.
 */
export interface AppendBenchOptions {
  readonly pgUrl?: string;
  readonly seconds?: number;
  readonly writerCounts?: readonly number[];
}

export interface AppendBenchRow {
  readonly writers: number;
  readonly baselinePerSecond: number;
  readonly adapterPerSecond: number;
  readonly ratio: number;
  /** appendMulti calls per second, three new streams of one event each. */
  readonly multiPerSecond: number;
}

export async function runAppendBench(options: AppendBenchOptions = {}): Promise<AppendBenchRow[]> {
  const pgUrl = options.pgUrl ?? process.env['GATEHOUSE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const seconds = options.seconds ?? Number(process.env['BENCH_SECONDS'] ?? 5);
  const rows: AppendBenchRow[] = [];
  for (const writers of options.writerCounts ?? [1, 32]) {
    const schema = `bench_append_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const store = await PostgresEventStore.open({ connectionString: pgUrl, schema, poolSize: writers });
    const pool = new Pool({ connectionString: pgUrl, max: writers });
    try {
      const insert = await createBaseline(pool, schema);
      const baseline = { done: 0, seconds: 0 };
      const adapter = { done: 0, seconds: 0 };
      const multi = { done: 0, seconds: 0 };
      // Alternating one-second slices: background work (autovacuum, checkpoints, other processes on
      // the machine) falls on every side alike instead of on whichever runs last.
      for (let slice = 0; slice < seconds; slice++) {
        add(baseline, await run(writers, 1, () => insert(event())));
        add(adapter, await run(writers, 1, () => store.append(`user-${uuidv7()}`, [event()], NO_STREAM)));
        add(multi, await run(writers, 1, () => store.appendMulti(creation())));
      }
      const baselinePerSecond = baseline.done / baseline.seconds;
      const adapterPerSecond = adapter.done / adapter.seconds;
      rows.push({
        writers,
        baselinePerSecond,
        adapterPerSecond,
        ratio: adapterPerSecond / baselinePerSecond,
        multiPerSecond: multi.done / multi.seconds,
      });
    } finally {
      await store.close();
      await pool.query(`DROP SCHEMA ${escapeIdentifier(schema)} CASCADE`);
      await pool.end();
    }
  }
  return rows;
}

/**
 * The baseline table copies the store's table whole (columns, defaults, unique constraints, indexes);
 * its insert is a named prepared statement, as the adapter's is, so only the statements differ.
 */
async function createBaseline(pool: Pool, schema: string): Promise<(event: NewEvent) => Promise<unknown>> {
  const table = `${escapeIdentifier(schema)}.baseline_events`;
  await pool.query(`CREATE TABLE ${table} (LIKE ${escapeIdentifier(schema)}.gh_events INCLUDING ALL)`);
  const text = `INSERT INTO ${table} (event_id, stream_id, stream_position, type, schema_version, account_id,
    occurred_at, actor, correlation_id, causation_id, data) VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10)`;
  return (event) =>
    pool.query({
      name: 'bench_baseline_insert',
      text,
      values: [
        event.eventId,
        `user-${uuidv7()}`,
        event.type,
        event.schemaVersion,
        event.accountId,
        event.occurredAt,
        event.actor,
        event.correlationId,
        event.causationId,
        JSON.stringify(event.data),
      ],
    });
}

interface Tally {
  done: number;
  seconds: number;
}

function add(total: Tally, slice: Tally): void {
  total.done += slice.done;
  total.seconds += slice.seconds;
}

/** Operations done by `writers` loops, each awaiting one operation at a time, over `seconds`. */
async function run(writers: number, seconds: number, operation: () => Promise<unknown>): Promise<Tally> {
  const started = performance.now();
  const until = started + seconds * 1000;
  let done = 0;
  const writer = async (): Promise<void> => {
    while (performance.now() < until) {
      await operation();
      done++;
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  return { done, seconds: (performance.now() - started) / 1000 };
}

function event(): NewEvent {
  const userId = uuidv7();
  return {
    eventId: uuidv7(),
    type: 'UserCreated',
    schemaVersion: 1,
    accountId: 'acct-bench',
    occurredAt: new Date().toISOString(),
    actor: 'user-admin',
    correlationId: uuidv7(),
    causationId: null,
    data: {
      userId,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: `${userId}@example.com`,
      username: `ada-${userId}`,
      mobile: '+44 20 7946 0000',
      language: 'en',
      timeZone: 'Europe/London',
    },
  };
}

/** A user's creation: the username reservation, the user, the account's roles, all new streams. */
function creation(): StreamAppend[] {
  const id = uuidv7();
  return ['username', 'user', 'roles'].map((prefix) => ({
    streamId: `${prefix}-${id}`,
    events: [event()],
    expectedVersion: NO_STREAM,
  }));
}

function printTable(rows: readonly AppendBenchRow[]): void {
  console.log('writers | baseline appends/s | adapter appends/s | ratio | 3-stream multi-appends/s');
  for (const row of rows) {
    const cells = [
      String(row.writers).padStart(7),
      row.baselinePerSecond.toFixed(0).padStart(18),
      row.adapterPerSecond.toFixed(0).padStart(17),
      row.ratio.toFixed(2).padStart(5),
      row.multiPerSecond.toFixed(0).padStart(24),
    ];
    console.log(cells.join(' | '));
  }
}

if (require.main === module) {
  runAppendBench().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
