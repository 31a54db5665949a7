import { usersListDeclaration as model } from '@gatehouse/users-list';
import {
  readModelQueryContract,
  readModelStoreContract,
  testEnv,
  testUserId,
  uniqueName,
} from '@gatehouse/testing';
import type { RowWrite } from '@gatehouse/read-model-kit';
import { Redis } from 'ioredis';
import { RedisReadModelStore } from './redis.read-model-store';

/** Each store gets a prefix of its own (parallel workers share one server); the suites delete its keys. */
const fresh = () => new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:` });
readModelStoreContract('redis', fresh);
readModelQueryContract('redis', fresh);
// The same queries when every filtered one walks its sort order instead of ranking its candidates.
readModelQueryContract(
  'redis, walking the order',
  () => new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:`, walkFrom: 0 }),
);

describe('RedisReadModelStore', () => {
  const redis = new Redis(testEnv.redisUrl);
  const keysUnder = async (prefix: string): Promise<string[]> => {
    const found: string[] = [];
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 500 }))
      found.push(...(keys as string[]));
    return found;
  };

  afterAll(async () => {
    await redis.quit();
  });

  const creation = (accountId: string, n: number): RowWrite => ({
    kind: 'upsert',
    accountId,
    rowId: testUserId(n),
    columns: { firstName: `User ${n}`, status: 'active', createdAt: '2025-01-01T00:00:00.000Z' },
    source: { streamId: `user-${testUserId(n)}`, streamPosition: 0 },
  });

  it('keeps every key of an account under one hash tag, and deletes all of it on clear', async () => {
    const prefix = `${uniqueName('rm')}:`;
    const store = new RedisReadModelStore(redis, { keyPrefix: prefix });
    await store.apply(model, [creation('acct-1', 1), creation('acct-2', 2)]);
    const keys = await keysUnder(prefix);
    const accountKeys = keys.filter((key) => key.includes('{'));
    expect(accountKeys.every((key) => /^[^{}]*\{acct-[12]\}[^{}]*$/.test(key))).toBe(true);
    expect(accountKeys).toEqual(
      expect.arrayContaining([
        `${prefix}${model.name}:g1:{acct-1}:row:${testUserId(1)}`,
        `${prefix}${model.name}:g1:{acct-1}:sort:created`,
        `${prefix}${model.name}:g1:{acct-1}:set:status:active`,
        `${prefix}${model.name}:g1:{acct-1}:search`,
      ]),
    );
    expect(keys.filter((key) => key.endsWith(':scratch'))).toEqual([]);
    await store.clear(model);
    expect(await keysUnder(prefix)).toEqual([]);
    await store.close();
    expect(await redis.ping()).toBe('PONG');
  });

  it('applies 10,000 creations in one call and pages a filtered search over them', async () => {
    const store = new RedisReadModelStore(redis, { keyPrefix: `${uniqueName('rm')}:` });
    try {
      await store.apply(
        model,
        Array.from({ length: 10_000 }, (_, index) => creation('acct-bulk', index + 1)),
      );
      expect(await store.count(model, 'acct-bulk')).toBe(10_000);
      const query = { accountId: 'acct-bulk', anyOf: [['status:active']], ranges: [], limit: 5 };
      const page = await store.query(model, { ...query, search: 'user 999', sort: 'name', descending: true });
      expect(page.total).toBe(11);
      expect(page.rows.map(({ row }) => row['firstName'])).toEqual(
        ['9999', '9998', '9997', '9996', '9995'].map((n) => `User ${n}`),
      );
    } finally {
      await store.clear(model);
    }
  });
});
