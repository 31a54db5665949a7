import type { ReadModelDeclaration } from '@gatehouse/read-model-kit';
import type { Redis } from 'ioredis';
import { execOrThrow } from './redis-encoding';
import type { RedisKeys } from './redis-keys';

/** Removes a generation from the holds if its hold still ends before `now`: one sweeper claims it. */
const CLAIM_LAPSED = `
local ends = redis.call('ZSCORE', KEYS[1], ARGV[1])
if ends and tonumber(ends) < tonumber(ARGV[2]) then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0`;

/** Deletes a pointer only while it names the generation being dropped. */
const DELETE_IF_NAMING = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Extends (ZADD GT) the holds, and names this declaration's pointer among the model's. */
export async function holdGenerations(
  redis: Redis,
  keys: RedisKeys,
  model: ReadModelDeclaration,
  generations: readonly number[],
  until: number,
): Promise<void> {
  const pipeline = redis.pipeline().sadd(keys.pointers(model), keys.pointer(model));
  if (generations.length > 0)
    pipeline.zadd(keys.holds(model), 'GT', ...generations.flatMap((generation) => [until, generation]));
  await execOrThrow(pipeline);
}

/**
 * Each step touches one key, so the sweep holds in a Redis Cluster: a lapsed generation is claimed (taken
 * out of the holds) before anything goes, then the pointers still naming it are deleted, then its keys
 * (should that fail, it goes back into the holds as lapsed).
 * A process that holds the generation again meanwhile finds its pointer gone at its next hold, and
 * rebuilds (see GenerationKeeper).
 */
export async function sweepGenerations(
  redis: Redis,
  keys: RedisKeys,
  model: ReadModelDeclaration,
  now: number,
  drop: (generation: number) => Promise<void>,
): Promise<number[]> {
  const lapsed = await redis.zrangebyscore(keys.holds(model), '-inf', `(${now}`);
  if (lapsed.length === 0) return [];
  const serving = await redis.get(keys.pointer(model));
  const dropped: number[] = [];
  for (const generation of lapsed) {
    if (generation === serving) continue;
    if ((await redis.eval(CLAIM_LAPSED, 1, keys.holds(model), generation, now)) !== 1) continue;
    for (const pointer of await redis.smembers(keys.pointers(model)))
      if ((await redis.eval(DELETE_IF_NAMING, 1, pointer, generation)) === 1)
        await redis.srem(keys.pointers(model), pointer);
    try {
      await drop(Number(generation));
    } catch (error) {
      // Claimed but not gone: held again as lapsed, so the next sweep tries again rather than never.
      await redis.zadd(keys.holds(model), 0, generation);
      throw error;
    }
    dropped.push(Number(generation));
  }
  return dropped;
}
