import { testEnv, testUserId, uniqueName, usersListContract } from '@gatehouse/testing';
import type { UsersListWrite } from '@gatehouse/users-list';
import { Redis } from 'ioredis';
import { RedisUsersListReadModel } from './redis-users-list.read-model';

/** Each model gets a prefix of its own (parallel workers share one server); the suite deletes its keys. */
usersListContract(
  'redis',
  () => new RedisUsersListReadModel(testEnv.redisUrl, { keyPrefix: `${uniqueName('ul')}:` }),
);

describe('RedisUsersListReadModel', () => {
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

  const creation = (accountId: string, n: number): UsersListWrite => ({
    kind: 'upsert-user',
    accountId,
    userId: testUserId(n),
    fields: { firstName: `User ${n}`, createdAt: '2025-01-01T00:00:00.000Z' },
    source: { streamId: `user-${testUserId(n)}`, streamPosition: 0 },
  });

  it('keeps models with different key prefixes apart on a shared client, and leaves the client open', async () => {
    const [first, second] = [uniqueName('ul'), uniqueName('ul')].map(
      (prefix) => new RedisUsersListReadModel(redis, { keyPrefix: `${prefix}:` }),
    );
    await first.apply([creation('acct-1', 1)]);
    expect([await first.count('acct-1'), await second.count('acct-1')]).toEqual([1, 0]);
    await second.close();
    expect(await redis.ping()).toBe('PONG');
    await first.clear();
  });

  it('stores everything under its prefix and deletes all of it on clear', async () => {
    const prefix = `${uniqueName('ul')}:`;
    const model = new RedisUsersListReadModel(redis, { keyPrefix: prefix });
    await model.apply([creation('acct-1', 1), creation('acct-2', 2)]);
    expect((await keysUnder(prefix)).sort()).toEqual([
      `${prefix}acct:{acct-1}:user:${testUserId(1)}`,
      `${prefix}acct:{acct-1}:users`,
      `${prefix}acct:{acct-2}:user:${testUserId(2)}`,
      `${prefix}acct:{acct-2}:users`,
    ]);
    await model.clear();
    expect(await keysUnder(prefix)).toEqual([]);
  });

  it('applies 10,000 creations in one call and lists them all', async () => {
    const prefix = `${uniqueName('ul')}:`;
    const model = new RedisUsersListReadModel(redis, { keyPrefix: prefix });
    try {
      await model.apply(Array.from({ length: 10_000 }, (_, index) => creation('acct-bulk', index + 1)));
      expect(await model.count('acct-bulk')).toBe(10_000);
      const last = await model.list('acct-bulk', { cursor: testUserId(9_995), limit: 1000 });
      expect(last.items.map((row) => row.firstName)).toEqual(
        ['9996', '9997', '9998', '9999', '10000'].map((n) => `User ${n}`),
      );
      expect(last.nextCursor).toBeNull();
    } finally {
      await model.clear();
    }
  });
});
