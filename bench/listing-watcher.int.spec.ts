import { testEnv, uniqueName } from '@gatehouse/testing';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import { Redis } from 'ioredis';
import { RedisKeys } from '../libs/platform/read-models-redis/src/redis-keys';
import { ListingWatcher } from './listing-watcher';

describe('listing watcher', () => {
  const redis = new Redis(testEnv.redisUrl);
  const prefix = `${uniqueName('bench')}:`;
  const keys = new RedisKeys(prefix);
  const row = (id: string) => `${keys.base(model, 3, 'account-1')}row:${id}`;

  afterAll(async () => {
    await redis.unlink(keys.pointer(model), row('u1'), row('u2'), row('u3'));
    redis.disconnect();
  });

  it('reports each watched user once its row in the serving generation is created, and only then', async () => {
    const watcher = new ListingWatcher(redis, prefix, 'account-1');
    const listed: string[] = [];
    try {
      for (const id of ['u1', 'u2', 'u3']) watcher.watch(id, () => listed.push(id));
      await redis.hset(row('u1'), 'roles', '[]');
      await redis.hset(row('u2'), 'createdAt', '"2025-01-01T00:00:00.000Z"');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(listed).toEqual([]);
      await redis.set(keys.pointer(model), '3');
      await redis.hset(row('u3'), 'createdAt', '"2025-01-01T00:00:00.000Z"');
      const deadline = Date.now() + 5000;
      while (listed.length < 2 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 5));
      expect(listed.sort()).toEqual(['u2', 'u3']);
      expect(watcher.pendingCount).toBe(1);
    } finally {
      await watcher.stop();
    }
  });

  it('surfaces a failed poll instead of waiting forever', async () => {
    const otherPrefix = `${uniqueName('bench')}:`;
    const other = new RedisKeys(otherPrefix);
    const otherRow = `${other.base(model, 1, 'account-1')}row:u1`;
    await redis.set(other.pointer(model), '1');
    await redis.set(otherRow, 'x');
    const watcher = new ListingWatcher(redis, otherPrefix, 'account-1');
    watcher.watch('u1', () => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => watcher.pendingCount).toThrow(/WRONGTYPE/);
    } finally {
      await watcher.stop();
      await redis.unlink(other.pointer(model), otherRow);
    }
  });
});
