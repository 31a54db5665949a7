import { testEnv, testUserId, uniqueName } from '@gatehouse/testing';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import { RedisReadModelStore } from './redis.read-model-store';

describe('RedisReadModelStore serving pointer', () => {
  const store = new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:` });
  afterAll(async () => {
    await store.clear(model);
    await store.close();
  });

  it('names no generation for a changed declaration, so a deployment whose model gained an index rebuilds', async () => {
    await store.apply(model, [
      {
        kind: 'upsert',
        accountId: 'acct-1',
        rowId: testUserId(1),
        columns: { firstName: 'Ada', status: 'active', createdAt: '2025-01-01T00:00:00.000Z' },
        source: { streamId: `user-${testUserId(1)}`, streamPosition: 0 },
      },
    ]);
    expect(await store.current(model)).toBe(1);
    expect(await store.current({ ...model })).toBe(1);
    expect(await store.current({ ...model, sorts: { ...model.sorts, language: ['language'] } })).toBeNull();
    expect(await store.current({ ...model, search: [['email']] })).toBeNull();
  });
});
