import { testEnv, testUserId, uniqueName } from '@gatehouse/testing';
import type { UpsertRow } from '@gatehouse/read-model-kit';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import { Redis } from 'ioredis';
import { popLoadedScript } from './pop-loaded.script';
import { RedisKeys } from './redis-keys';
import { RedisReadModelStore } from './redis.read-model-store';

/**
 * A rebuild indexes loaded rows in the order the store listed them, so Redis allocates their records and
 * sort members in that order: an export or a walk of the created sort then reads memory in order.
 */
describe('the order a rebuild indexes loaded rows in', () => {
  const redis = new Redis(testEnv.redisUrl);
  const prefix = `${uniqueName('rm')}:`;
  const store = new RedisReadModelStore(redis, { keyPrefix: prefix });
  afterAll(async () => {
    await store.clear(model);
    redis.disconnect();
  });

  // Listed in an order that is neither the ids' order nor their reverse.
  const order = Array.from({ length: 1200 }, (_, index) => ((index * 7) % 1200) + 1);
  const creation = (n: number): UpsertRow => ({
    kind: 'upsert',
    accountId: 'acct-order',
    rowId: testUserId(n),
    columns: { firstName: `User ${n}`, status: 'active', createdAt: '2025-01-01T00:00:00.000Z' },
    source: { streamId: `user-${testUserId(n)}`, streamPosition: 0 },
  });

  it('pops them in the order they were listed, across load batches, until none is left', async () => {
    const generation = await store.createGeneration(model);
    await store.load(model, order.slice(0, 700).map(creation), generation);
    await store.load(model, order.slice(700).map(creation), generation);
    const base = new RedisKeys(prefix).base(model, generation, 'acct-order');

    const popped: string[] = [];
    for (;;) {
      const chunk = JSON.parse(
        (await redis.eval(popLoadedScript(), 1, `${base}loaded`, base, '500')) as string,
      ) as (string | string[])[];
      if (chunk.length === 0) break;
      popped.push(...chunk.filter((_, at) => at % 2 === 0).map(String));
    }
    expect(popped).toEqual(order.map(testUserId));
    expect(await redis.exists(`${base}loaded`)).toBe(0);
  });
});
