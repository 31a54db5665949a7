import type { Redis } from 'ioredis';

/** Every key under `prefix`, by SCAN (never KEYS: the test server is shared and may hold millions). */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }))
    found.push(...(keys as string[]));
  return found;
}
