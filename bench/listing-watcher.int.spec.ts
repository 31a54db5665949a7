import { testEnv, uniqueName } from '@gatehouse/testing';
import { Redis } from 'ioredis';
import { ListingWatcher } from './listing-watcher';

describe('listing watcher', () => {
  const redis = new Redis(testEnv.redisUrl);
  const prefix = `${uniqueName('bench')}:`;
  const row = (id: string) => `${prefix}users-list:g3:{account-1}:row:${id}`;

  afterAll(async () => {
    await redis.unlink(`${prefix}users-list:current`, row('u1'), row('u2'), row('u3'));
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
      await redis.set(`${prefix}users-list:current`, '3');
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
    const other = `${uniqueName('bench')}:`;
    await redis.set(`${other}users-list:current`, '1');
    await redis.set(`${other}users-list:g1:{account-1}:row:u1`, 'x');
    const watcher = new ListingWatcher(redis, other, 'account-1');
    watcher.watch('u1', () => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(() => watcher.pendingCount).toThrow(/WRONGTYPE/);
    } finally {
      await watcher.stop();
      await redis.unlink(`${other}users-list:current`, `${other}users-list:g1:{account-1}:row:u1`);
    }
  });
});
