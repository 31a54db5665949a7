import { START } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { testEnv, uniqueName } from '@gatehouse/testing';
import { Client, DatabaseError, escapeIdentifier } from 'pg';

/**
 * How close a full replay of the PostgreSQL store's global order through `readAll` comes to the cheapest
 * way to read the same rows: one server-side cursor over the table, fetched in batches on one connection,
 * in no particular order. node-pg parses every row on both sides. The table grows between sizes, so a read
 * that costs more the more events there are (a rescan of what was already read) shows as a falling rate.
 */
export interface ReplayBenchOptions {
  readonly pgUrl?: string;
  /** Table sizes measured in turn, each by adding events to the same table. */
  readonly sizes?: readonly number[];
  /** Measured passes of each kind per size, alternating. */
  readonly rounds?: number;
  readonly signal?: AbortSignal;
}

export interface ReplayBenchRow {
  readonly events: number;
  readonly rawPerSecond: number;
  /** readAll in batches of BATCH. */
  readonly adapterPerSecond: number;
  readonly ratio: number;
  /** readAll in batches of RELAY_BATCH, as the relay reads. */
  readonly relayBatchPerSecond: number;
  /** This process's RSS after the size's passes. */
  readonly rssBytes: number;
}

export const BATCH = 1000;
export const RELAY_BATCH = 500;
/** Rows per seeding transaction: many distinct tx_id values, as many appends would leave. */
const SEED_CHUNK = 10_000;
const STREAM_LENGTH = 5;
const ACCOUNTS = 20;
const INSUFFICIENT_PRIVILEGE = '42501';

export async function runReplayBench(options: ReplayBenchOptions = {}): Promise<ReplayBenchRow[]> {
  const pgUrl = options.pgUrl ?? testEnv.pgUrl;
  const sizes = options.sizes ?? [100_000, Number(process.env['BENCH_REPLAY_EVENTS'] ?? 1_000_000)];
  const rounds = options.rounds ?? 3;
  const signal = options.signal;
  const schema = uniqueName('bench_replay');
  const table = `${escapeIdentifier(schema)}.gh_events`;
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  let store: PostgresEventStore | undefined;
  try {
    store = await PostgresEventStore.open({ connectionString: pgUrl, schema });
    const adapter = store;
    const rows: ReplayBenchRow[] = [];
    let seeded = 0;
    for (const size of sizes) {
      seeded = await seed(client, schema, seeded, size, signal);
      const raw = { done: 0, seconds: 0 };
      const big = { done: 0, seconds: 0 };
      const relay = { done: 0, seconds: 0 };
      // One unmeasured pass of each kind first: the measured ones then all read a cached table and index.
      await rawReplay(client, table, BATCH, signal);
      await adapterReplay(adapter, BATCH, signal);
      // Alternating passes: background work falls on every side alike instead of on whichever runs last.
      for (let round = 0; round < rounds; round++) {
        add(raw, await timed(seeded, () => rawReplay(client, table, BATCH, signal)));
        add(big, await timed(seeded, () => adapterReplay(adapter, BATCH, signal)));
        add(relay, await timed(seeded, () => adapterReplay(adapter, RELAY_BATCH, signal)));
      }
      const rawPerSecond = raw.done / raw.seconds;
      const adapterPerSecond = big.done / big.seconds;
      rows.push({
        events: seeded,
        rawPerSecond,
        adapterPerSecond,
        ratio: adapterPerSecond / rawPerSecond,
        relayBatchPerSecond: relay.done / relay.seconds,
        rssBytes: process.memoryUsage().rss,
      });
    }
    return rows;
  } finally {
    await store?.close();
    await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
    await client.end();
  }
}

/**
 * Grows the table from `from` to `to` events, SEED_CHUNK per autocommit INSERT (tx_id is each one's own
 * transaction, by its default), STREAM_LENGTH events per stream. Then VACUUM (ANALYZE) rather than
 * ANALYZE alone: it sets the hint bits and visibility map now, so neither the first measured pass nor an
 * insert-triggered autovacuum in the middle of the passes pays for them. And a CHECKPOINT: otherwise the
 * seeding's hundreds of MB of dirty pages are written out during the passes (spread over minutes), on the
 * same two cores.
 */
async function seed(client: Client, schema: string, from: number, to: number, signal?: AbortSignal) {
  const table = `${escapeIdentifier(schema)}.gh_events`;
  const started = performance.now();
  for (let first = from; first < to; first += SEED_CHUNK) {
    signal?.throwIfAborted();
    await client.query(seedSql(table), [first, Math.min(first + SEED_CHUNK, to) - 1]);
  }
  await client.query(`VACUUM (ANALYZE) ${table}`);
  // CHECKPOINT takes a superuser or pg_checkpoint: without either, measure anyway, noisier.
  await client.query('CHECKPOINT').catch((error: unknown) => {
    if (!(error instanceof DatabaseError && error.code === INSUFFICIENT_PRIVILEGE)) throw error;
  });
  const { rows } = await client.query<{ size: string; data: string }>(
    `SELECT pg_size_pretty(pg_total_relation_size($1::regclass)) AS size,
      (SELECT round(avg(octet_length(data::text))) FROM ${table} TABLESAMPLE SYSTEM (1)) AS data`,
    [table],
  );
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `seeded ${to - from} events (${to} in all) in ${seconds.toFixed(1)} s; ` +
      `table and indexes ${rows[0].size}, data ~${rows[0].data ?? '?'} bytes of JSON per event`,
  );
  return to;
}

/** Event n of the table: position n % STREAM_LENGTH of stream n / STREAM_LENGTH, a user's life in five. */
const seedSql = (table: string) => `
  INSERT INTO ${table} (event_id, stream_id, stream_position, type, schema_version, account_id, occurred_at,
    actor, correlation_id, causation_id, data)
  SELECT gen_random_uuid(), 'user-' || u.id, n % ${STREAM_LENGTH},
    (ARRAY['UserCreated', 'RolesAssigned', 'UserProfileChanged', 'UserLoggedIn', 'PasswordChanged'])
      [n % ${STREAM_LENGTH} + 1],
    1, 'acct-' || (n / ${STREAM_LENGTH}) % ${ACCOUNTS}, now(), 'user-admin', gen_random_uuid()::text,
    CASE WHEN n % ${STREAM_LENGTH} = 0 THEN NULL ELSE gen_random_uuid()::text END,
    jsonb_build_object('userId', u.id, 'firstName', 'Ada', 'lastName', 'Lovelace',
      'email', u.id || '@example.com', 'username', 'ada-' || left(u.id, 8), 'mobile', '+44 20 7946 0000',
      'language', 'en', 'timeZone', 'Europe/London')
  FROM generate_series($1::bigint, $2::bigint) AS n,
    LATERAL (SELECT md5((n / ${STREAM_LENGTH})::text)::uuid::text AS id) AS u`;

/** The baseline: every row of the table through one NO SCROLL cursor, `batch` rows per FETCH. */
export async function rawReplay(
  client: Client,
  table: string,
  batch: number,
  signal?: AbortSignal,
): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT * FROM ${table}`);
    let count = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { rows } = await client.query(`FETCH ${batch} FROM c`);
      if (rows.length === 0) break;
      count += rows.length;
    }
    await client.query('COMMIT');
    return count;
  } catch (error) {
    // The cursor's error (an abort, a lost connection) is the one to report, not ROLLBACK's.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** The global order from START to the end, as a relay catching up reads it. */
async function adapterReplay(
  store: PostgresEventStore,
  batch: number,
  signal?: AbortSignal,
): Promise<number> {
  let after = START;
  let count = 0;
  for (;;) {
    signal?.throwIfAborted();
    const events = await store.readAll({ after, maxCount: batch });
    const last = events.at(-1);
    if (!last) return count;
    count += events.length;
    after = last.checkpoint;
  }
}

interface Tally {
  done: number;
  seconds: number;
}

function add(total: Tally, pass: Tally): void {
  total.done += pass.done;
  total.seconds += pass.seconds;
}

/** One full pass, which must have read every event: a short read would flatter its rate. */
async function timed(expected: number, replay: () => Promise<number>): Promise<Tally> {
  const started = performance.now();
  const done = await replay();
  const seconds = (performance.now() - started) / 1000;
  if (done !== expected) throw new Error(`replay read ${done} events, the table holds ${expected}`);
  return { done, seconds };
}

function printTable(rows: readonly ReplayBenchRow[]): void {
  console.log('events | raw cursor events/s | adapter events/s | ratio | adapter (500) events/s');
  for (const row of rows) {
    console.log(
      [row.events, row.rawPerSecond, row.adapterPerSecond, row.ratio, row.relayBatchPerSecond].join(' | '),
    );
  }
}

if (require.main === module) {
  runReplayBench().then(printTable, (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
