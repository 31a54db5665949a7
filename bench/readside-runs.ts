import type { ReadModelStore } from '@gatehouse/read-models';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import autocannon from 'autocannon';
import type { Redis } from 'ioredis';
import { get } from 'node:http';
import { type ChildProcess, execFileSync, fork } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ListUsersQueryDto } from '../libs/projections/api/src/users-query/users-query.dto';
import { usersRowQuery } from '../libs/projections/api/src/users-query/users-row-query';
import { queryScript } from '../libs/platform/read-models-redis/src/query.script';
import { BIG_ACCOUNT } from './readside-seed';
import { latencyHistogram, percentileMs, recordMs } from './report';

const CONNECTIONS = 16;
/** Two filters and a prefix search, a page of 50: what a user of the list does. */
const LIST_QUERY: ListUsersQueryDto = {
  q: 'mar',
  status: ['active'],
  role: ['support', 'developer'],
  limit: 50,
};

/**
 * The list over HTTP from a serving process of its own (readside-list.child.ts) with autocannon here, the
 * server's own time per request as server-side latency; beside it, the query script run straight on Redis
 * with the same arguments by as many callers. (Served from this process, the server shared its event loop
 * with autocannon, whose work then counted as the server's: at 1M users the same code measured a server p99
 * of 28–30 ms in three runs that way, 17–27 ms in seven from its own process.)
 */
export async function listBench(
  redisUrl: string,
  redis: Redis,
  prefix: string,
  generation: number,
  seconds: number,
  signal?: AbortSignal,
) {
  const { child, port } = await serving('readside-list.child.js', [
    redisUrl,
    prefix,
    BIG_ACCOUNT,
    JSON.stringify(LIST_QUERY),
  ]);
  const url = `http://127.0.0.1:${port}/`;
  try {
    // In a worker thread: its own heap, not this process's, which holds the seeding's and the rebuild's.
    const load = { url, connections: CONNECTIONS, workers: 1 };
    await autocannon({ ...load, duration: 1 });
    child.send('reset');
    const result = await autocannon({ ...load, duration: seconds });
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${result.non2xx} non-2xx, ${result.errors} errors`);
    const server = await new Promise<{ p50: number; p99: number; total: string }>((resolve) => {
      child.once('message', (message) => resolve(message as { p50: number; p99: number; total: string }));
      child.send('stats');
    });
    const raw = await rawQueries(redis, prefix, generation, seconds, signal);
    return {
      description: `q=${LIST_QUERY.q}, status=${LIST_QUERY.status}, role=${LIST_QUERY.role}, limit ${LIST_QUERY.limit}`,
      total: server.total,
      http: { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average },
      server,
      raw,
    };
  } finally {
    child.disconnect();
  }
}

async function rawQueries(
  redis: Redis,
  prefix: string,
  generation: number,
  seconds: number,
  signal?: AbortSignal,
) {
  const sha = (await redis.script('LOAD', queryScript(model))) as string;
  const base = `${prefix}${model.name}:g${generation}:{${BIG_ACCOUNT}}:`;
  const { search, anyOf, ranges, sort, descending } = usersRowQuery(BIG_ACCOUNT, LIST_QUERY);
  const json = JSON.stringify({ search, anyOf, ranges, sort, desc: descending, limit: LIST_QUERY.limit });
  const histogram = latencyHistogram();
  const evalshaBefore = await evalshaStats(redis);
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < deadline && !signal?.aborted) {
        const started = performance.now();
        await redis.evalsha(sha, 1, `${base}scratch`, base, json);
        recordMs(histogram, performance.now() - started);
        done++;
      }
    }),
  );
  const evalshaAfter = await evalshaStats(redis);
  return {
    p50: percentileMs(histogram, 50),
    p99: percentileMs(histogram, 99),
    perSecond: done / seconds,
    // The server's own time per page, script and the commands it runs: what Redis can serve is 1 s ÷ this.
    serverUs:
      (evalshaAfter.usec - evalshaBefore.usec) / Math.max(evalshaAfter.calls - evalshaBefore.calls, 1),
  };
}

/** Redis' running totals for EVALSHA (differences only: the server is shared, so its stats are not reset). */
async function evalshaStats(redis: Redis): Promise<{ calls: number; usec: number }> {
  const line = (await redis.info('commandstats')).split('\n').find((l) => l.startsWith('cmdstat_evalsha:'));
  return {
    calls: Number(/calls=(\d+)/.exec(line ?? '')?.[1] ?? 0),
    usec: Number(/usec=(\d+)/.exec(line ?? '')?.[1] ?? 0),
  };
}

/**
 * The large account's CSV over HTTP from a serving process of its own (readside-export.child.ts, run
 * compiled as `npm start` runs), read to the end by this one; its peak RSS is the kernel's high-water mark
 * (VmHWM, restarted once it listens). Beside it the bare scan: the same Redis work (the lines) without HTTP.
 */
export async function exportBench(
  store: ReadModelStore,
  redisUrl: string,
  prefix: string,
  generation: number,
  users: number,
) {
  const { child, port } = await serving('readside-export.child.js', [redisUrl, prefix, BIG_ACCOUNT]);
  try {
    const idleRss = await highWaterMark(child.pid);
    await writeFile(`/proc/${child.pid}/clear_refs`, '5').catch(() => undefined);
    const started = performance.now();
    const lines = await new Promise<number>((resolve, reject) => {
      get(`http://127.0.0.1:${port}/`, (response) => {
        let count = 0;
        // Bytes, as a client saving the file takes them: a LF byte is never part of another UTF-8 character,
        // and decoding 80 MB into strings made this process, not the export, the slower side.
        response.on('data', (bytes: Buffer) => {
          for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) count++;
        });
        response.on('end', () => resolve(count));
        response.on('error', reject);
      }).on('error', reject);
    });
    const seconds = (performance.now() - started) / 1000;
    const peakRss = await highWaterMark(child.pid);
    // The header line, then one line per user (no value in the bench holds a line break).
    if (lines - 1 !== users) throw new Error(`exported ${lines - 1} rows, the account has ${users}`);
    const rawStarted = performance.now();
    let scanned = 0;
    for await (const lines of store.scanCsv(model, usersRowQuery(BIG_ACCOUNT, {}), generation, 1000))
      for (let at = lines.indexOf('\n'); at >= 0; at = lines.indexOf('\n', at + 1)) scanned++;
    return {
      rowsPerSecond: users / seconds,
      peakRss,
      idleRss,
      rawRowsPerSecond: scanned / ((performance.now() - rawStarted) / 1000),
    };
  } finally {
    child.disconnect();
  }
}

/** Whether this run compiled dist/ yet: the list and the export fork from the same build. */
let built = false;

/**
 * A bench server (bench/*.child.ts) forked compiled, as `npm start` runs, with npm start's young-generation
 * flag rather than this bench's flags (its TypeScript loader); resolves once it says its port.
 */
async function serving(
  file: string,
  args: readonly string[],
): Promise<{ child: ChildProcess; port: number }> {
  if (!built) execFileSync(process.execPath, [join(__dirname, '../tools/build.js')], { stdio: 'ignore' });
  built = true;
  const child = fork(join(__dirname, '../dist/bench', file), args, {
    cwd: join(__dirname, '..'),
    execArgv: ['--max-semi-space-size=8'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (message) => resolve(message as { port: number }));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code}`)));
  });
  return { child, port };
}

async function highWaterMark(pid: number | undefined): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) * 1024;
}
