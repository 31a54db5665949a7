import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import type { Redis } from 'ioredis';
import { execOrThrow } from './redis-encoding';
import { type RowIndex, rowIndexer } from './row-index';

/** Rows popped and read per round trip. */
const ROWS_PER_CHUNK = 1000;
/**
 * Members per ZADD / SADD / HSET: few commands, each short (a few ms at a million rows), so live reads of
 * the serving generation wait little behind a rebuild; the Lua index runs this replaced blocked for 155 ms.
 */
const MEMBERS_PER_COMMAND = 1000;

/**
 * Indexes the rows a rebuild loaded into one account's generation (see ReadModelStore.indexLoaded): pops
 * ids from the account's loaded set, reads their hashes, makes their entries here (row-index.ts) and
 * writes them with plain commands, one per index key and chunk. No script: nobody else writes a generation
 * being loaded, so nothing needs to be atomic, and a rebuild cut short drops or abandons it anyway. The next
 * chunk is read while this process indexes the current one; at most one chunk's writes are in flight.
 */
export async function indexLoadedAccount(
  redis: Redis,
  model: ReadModelDeclaration,
  base: string,
): Promise<void> {
  // Ids are popped two chunks ahead, so the next chunk's hashes are asked for as soon as the current
  // one arrives, without a round trip for its ids: Redis reads them while this process indexes.
  const ids: string[] = [];
  const read = async () => {
    if (ids.length === 0) ids.push(...((await redis.spop(`${base}loaded`, ROWS_PER_CHUNK * 2)) as string[]));
    const chunk = ids.splice(0, ROWS_PER_CHUNK);
    if (chunk.length === 0) return [];
    const pipeline = redis.pipeline();
    for (const id of chunk) pipeline.hgetall(`${base}row:${id}`);
    const hashes = (await execOrThrow(pipeline)) as Record<string, string>[];
    return chunk.map((id, at) => ({ id, hash: hashes[at] }));
  };
  const index = rowIndexer(model);
  let next = read();
  let writing: Promise<unknown> = Promise.resolve();
  for (;;) {
    const rows = await next;
    if (rows.length === 0) break;
    next = read();
    // Awaited next round; should a write fail first, this read's failure must not go unhandled.
    next.catch(() => undefined);
    const pipeline = writesOf(
      redis,
      base,
      rows.map(({ id, hash }) => ({ id, index: index(id, hash) })),
    );
    await writing;
    writing = execOrThrow(pipeline);
  }
  await writing;
}

function writesOf(redis: Redis, base: string, rows: readonly { id: string; index: RowIndex | null }[]) {
  const pipeline = redis.pipeline();
  const members = new Map<string, string[]>();
  const json: string[] = [];
  const csv: string[] = [];
  for (const { id, index } of rows) {
    if (!index) continue;
    pipeline.hset(`${base}row:${id}`, '_s', index.s, '_t', index.t);
    json.push(id, index.json);
    if (index.csv !== null) csv.push(id, index.csv);
    for (const [suffix, member] of index.members) {
      const list = members.get(suffix);
      if (list) list.push(member);
      else members.set(suffix, [member]);
    }
  }
  for (const [suffix, list] of members) {
    for (let from = 0; from < list.length; from += MEMBERS_PER_COMMAND) {
      const chunk = list.slice(from, from + MEMBERS_PER_COMMAND);
      if (suffix.startsWith('set:')) pipeline.sadd(`${base}${suffix}`, ...chunk);
      else pipeline.zadd(`${base}${suffix}`, ...chunk.flatMap((member) => [0, member]));
    }
  }
  for (const [name, pairs] of [
    ['json', json],
    ['csv', csv],
  ] as const) {
    for (let from = 0; from < pairs.length; from += 2 * MEMBERS_PER_COMMAND)
      pipeline.hset(`${base}${name}`, ...pairs.slice(from, from + 2 * MEMBERS_PER_COMMAND));
  }
  return pipeline;
}
