import { testEnv, uniqueName } from '@gatehouse/testing';
import { Redis } from 'ioredis';
import { ListingWatcher } from './listing-watcher';

describe('listing watcher', () => {
  const redis = new Redis(testEnv.redisUrl);
  const prefix = `${uniqueName('bench')}:`;
  const indexKey = ListingWatcher.indexKey(prefix, 'account-1');

  afterAll(async () => {
    await redis.unlink(indexKey);
    redis.disconnect();
  });

  it('reports each watched user once it is in the list index, and only then', async () => {
    const watcher = new ListingWatcher(redis, indexKey);
    const listed: string[] = [];
    try {
      for (const id of ['u1', 'u2', 'u3']) watcher.watch(id, () => listed.push(id));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(listed).toEqual([]);
      await redis.zadd(indexKey, 0, 'u2', 0, 'u3');
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
    await redis.set(`${prefix}not-a-zset`, 'x');
    const watcher = new ListingWatcher(redis, `${prefix}not-a-zset`);
    watcher.watch('u1', () => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => watcher.pendingCount).toThrow(/WRONGTYPE/);
    } finally {
      await watcher.stop();
      await redis.unlink(`${prefix}not-a-zset`);
    }
  });
});
