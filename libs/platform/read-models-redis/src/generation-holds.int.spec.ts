import { testEnv, uniqueName } from '@gatehouse/testing';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import { Redis } from 'ioredis';
import { holdGenerations, sweepGenerations } from './generation-holds';
import { RedisKeys } from './redis-keys';

describe('sweeping generations in Redis', () => {
  const redis = new Redis(testEnv.redisUrl);
  const keys = new RedisKeys(`${uniqueName('rm')}:`);
  afterAll(async () => {
    await redis.del(keys.holds(model), keys.pointers(model));
    redis.disconnect();
  });

  it('holds again, as lapsed, a generation whose keys could not be dropped, and drops it at the next sweep', async () => {
    await holdGenerations(redis, keys, model, [4], 1_000);
    const failing = () => Promise.reject(new Error('connection lost'));
    await expect(sweepGenerations(redis, keys, model, 2_000, failing)).rejects.toThrow('connection lost');
    expect(await redis.zscore(keys.holds(model), '4')).toBe('0');

    const dropped: number[] = [];
    const drop = async (generation: number) => void dropped.push(generation);
    expect(await sweepGenerations(redis, keys, model, 2_000, drop)).toEqual([4]);
    expect(dropped).toEqual([4]);
    expect(await redis.zcard(keys.holds(model))).toBe(0);
  });
});
