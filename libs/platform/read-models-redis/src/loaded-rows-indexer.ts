import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import type { ChainableCommander, Redis } from 'ioredis';
import { execOrThrow, type Scripts } from './redis-encoding';
import { type RowIndex, rowIndexer } from './row-index';

/** Rows popped and read per round trip. */
const ROWS_PER_CHUNK = 1000;
/**
 * Members per ZADD / SADD: few commands, each short (a few ms at a million rows), so live reads of
 * the serving generation wait little behind a rebuild; the Lua index runs this replaced blocked for 155 ms.
 */
const MEMBERS_PER_COMMAND = 1000;

/**
 * Indexes the rows a rebuild loaded into one account's generation (see ReadModelStore.indexLoaded): pops
 * a chunk of ids with their hashes, in the order the store listed them (pop-loaded.script.ts), makes
 * their entries here (row-index.ts), adds the index members with plain commands, one per index key and
 * chunk, and stores the rows' records with one script run (store-indexed.script.ts). Nothing needs to be
 * atomic: nobody else writes a generation being loaded, and a rebuild cut short drops or abandons it
 * anyway. The next chunk is read while this process indexes the current one; at most one chunk's writes
 * are in flight.
 */
export async function indexLoadedAccount(
  redis: Redis,
  model: ReadModelDeclaration,
  base: string,
  scripts: { readonly pop: string; readonly store: string },
): Promise<void> {
  const run = redis as unknown as Scripts<Promise<string>>;
  const read = async () => {
    const text = await run[scripts.pop](`${base}loaded`, base, String(ROWS_PER_CHUNK));
    const popped = JSON.parse(text) as (string | string[])[];
    const rows: { id: string; hash: Record<string, string> }[] = [];
    for (let at = 0; at < popped.length; at += 2) {
      const flat = popped[at + 1];
      const hash: Record<string, string> = {};
      // cjson writes an empty table (a row gone meanwhile) as {}.
      if (Array.isArray(flat)) {
        for (let field = 0; field < flat.length; field += 2) hash[flat[field]] = flat[field + 1];
      }
      rows.push({ id: popped[at] as string, hash });
    }
    return rows;
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
      scripts.store,
      rows.map(({ id, hash }) => ({ id, index: index(id, hash) })),
    );
    await writing;
    writing = execOrThrow(pipeline);
  }
  await writing;
}

function writesOf(
  redis: Redis,
  base: string,
  store: string,
  rows: readonly { id: string; index: RowIndex | null }[],
) {
  const pipeline = redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
  const members = new Map<string, string[]>();
  const records: string[] = [];
  for (const { id, index } of rows) {
    if (!index) continue;
    records.push(id, index.s, index.t, index.json, index.csv ?? '');
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
  pipeline[store](`${base}row`, base, JSON.stringify(records));
  return pipeline;
}
