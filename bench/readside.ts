import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { RedisReadModelStore } from '@gatehouse/read-models-redis';
import { testEnv, uniqueName } from '@gatehouse/testing';
import { usersListDeclaration as model, usersListProjection } from '@gatehouse/users-list';
import { Redis } from 'ioredis';
import { Client, escapeIdentifier } from 'pg';
import { ReadModelRebuild } from '../libs/projections/api/src/projection-runner/read-model-rebuild';
import { SwitchLock } from '../libs/projections/api/src/projection-runner/switch-lock';
import { untilQuiet } from './cpu-usage';
import { rawReplay } from './event-store-replay';
import { exportBench, listBench } from './readside-runs';
import { BIG_ACCOUNT, SMALL_ACCOUNTS, seedReadsideEvents } from './readside-seed';
import { heading, type SectionResult, verdict } from './report';

const TARGETS = {
  listP99Ms: 15,
  exportRowsPerSecond: 250_000,
  exportRssMb: 200,
  rebuildEventsPerSecond: 100_000,
};
const MB = 1024 * 1024;

/**
 * The read-side table: BENCH_READSIDE_USERS users (default 10,000; 1,000,000 for the real figures)
 * in one account plus 100 accounts of 10, written as events, rebuilt into Redis through the real projection
 * and store; then the list (16 connections over HTTP, two filters and a prefix search), the CSV export of
 * the large account, Redis memory per user — each beside its raw limit measured in the same run.
 */
export async function readsideSection(options: { signal?: AbortSignal } = {}): Promise<SectionResult> {
  const users = Number(process.env['BENCH_READSIDE_USERS'] ?? 10_000);
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  heading(`Read side (${users} users in one account + ${SMALL_ACCOUNTS} accounts of 10)`);
  const schema = uniqueName('bench_readside');
  const prefix = `${uniqueName('bench-readside')}:`;
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  const events = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
  const readModels = new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: prefix });
  const redis = new Redis(testEnv.redisUrl);
  try {
    const seedStarted = performance.now();
    const count = await seedReadsideEvents(client, schema, users);
    console.log(`seeded ${count} events in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    options.signal?.throwIfAborted();
    // The seed's dirty pages written out now, not by the checkpointer while a later phase is timed (a
    // role without the right to checkpoint runs on: its figures may then include that writing).
    await client
      .query('CHECKPOINT')
      .catch((error: unknown) => console.log(`no CHECKPOINT: ${String(error)}`));
    await settled(options.signal);

    const rawStarted = performance.now();
    await rawReplay(client, `${escapeIdentifier(schema)}.gh_events`, 2000, options.signal);
    const rawPerSecond = count / ((performance.now() - rawStarted) / 1000);
    await settled(options.signal);
    const rebuild = new ReadModelRebuild(events, readModels, [usersListProjection], new SwitchLock());
    const rebuildStarted = performance.now();
    await rebuild.run();
    const rebuildPerSecond = count / ((performance.now() - rebuildStarted) / 1000);
    await rebuild.close();
    const generation = (await readModels.current(model)) as number;
    const bytesPerUser =
      (await accountBytes(redis, `${prefix}${model.name}:g${generation}:{${BIG_ACCOUNT}}:*`)) / users;

    await settled(options.signal);
    const list = await listBench(testEnv.redisUrl, redis, prefix, generation, seconds, options.signal);
    await settled(options.signal);
    const csv = await exportBench(readModels, testEnv.redisUrl, prefix, generation, users);

    const rows = [
      [
        'rebuild from the store',
        `${fmt(rebuildPerSecond)} events/s`,
        `${fmt(rawPerSecond)} events/s (table cursor)`,
        `≥ ${fmt(TARGETS.rebuildEventsPerSecond)}/s`,
        rebuildPerSecond >= TARGETS.rebuildEventsPerSecond,
      ],
      [
        'list page, 16 conn.',
        `p50 ${list.http.p50} / p99 ${list.http.p99} ms, ${fmt(list.http.rps)} req/s; server p50 ${list.server.p50.toFixed(1)} / p99 ${list.server.p99.toFixed(1)} ms`,
        `p50 ${list.raw.p50.toFixed(1)} / p99 ${list.raw.p99.toFixed(1)} ms, ${fmt(list.raw.perSecond)}/s (Lua direct; ${fmt(list.raw.serverUs)} µs of Redis time a page)`,
        `p99 < ${TARGETS.listP99Ms} ms`,
        list.server.p99 < TARGETS.listP99Ms,
      ],
      [
        'CSV export',
        `${fmt(csv.rowsPerSecond)} rows/s, serving process peak RSS ${(csv.peakRss / MB).toFixed(0)} MB (idle ${(csv.idleRss / MB).toFixed(0)} MB)`,
        `${fmt(csv.rawRowsPerSecond)} rows/s (scan of the lines, no HTTP)`,
        `≥ ${fmt(TARGETS.exportRowsPerSecond)}/s, < ${TARGETS.exportRssMb} MB`,
        csv.rowsPerSecond >= TARGETS.exportRowsPerSecond && csv.peakRss < TARGETS.exportRssMb * MB,
      ],
      ['Redis memory per user', `${fmt(bytesPerUser)} bytes`, '', '', true],
    ] as const;
    console.log(`list query: ${list.description} (${list.total} match)`);
    console.log('measure | read side | raw limit | target | verdict');
    for (const [name, measured, raw, target, pass] of rows)
      console.log(`${name} | ${measured} | ${raw} | ${target} | ${target ? verdict(pass) : ''}`);
    console.log('(figures from a shared machine are distorted: measure on a quiet one for the note)');
    return {
      section: 'readside',
      pass: rows.every((row) => row[4]),
      headline: `${users} users: rebuild ${fmt(rebuildPerSecond)} ev/s, list p99 ${list.server.p99.toFixed(1)} ms, export ${fmt(csv.rowsPerSecond)} rows/s, ${fmt(bytesPerUser)} B/user`,
    };
  } finally {
    await readModels.clear(model);
    await readModels.close();
    redis.disconnect();
    await events.close();
    await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
    await client.end();
  }
}

const fmt = (value: number): string => Math.round(value).toLocaleString('en');

/** Before a timed phase: the machine back at rest, or said to be not (see untilQuiet). */
async function settled(signal?: AbortSignal): Promise<void> {
  const { quiet, waitedMs, busy } = await untilQuiet({ signal });
  const state = quiet ? 'quiet' : 'still busy';
  console.log(`machine ${state} (${(busy * 100).toFixed(0)}% busy) after ${(waitedMs / 1000).toFixed(0)} s`);
}

/** MEMORY USAGE summed over the account's keys (this run's prefix only: the server is shared). */
async function accountBytes(redis: Redis, match: string): Promise<number> {
  let total = 0;
  for await (const keys of redis.scanStream({ match, count: 1000 })) {
    const pipeline = redis.pipeline();
    for (const key of keys as string[]) pipeline.memory('USAGE', key, 'SAMPLES', 0);
    for (const [, bytes] of (await pipeline.exec()) ?? []) total += Number(bytes ?? 0);
  }
  return total;
}
