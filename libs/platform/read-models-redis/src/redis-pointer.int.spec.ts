import type { RowWrite } from '@gatehouse/read-model-kit';
import { testEnv, testUserId, uniqueName } from '@gatehouse/testing';
import { usersListDeclaration as model } from '@gatehouse/users-list';
import { RedisReadModelStore } from './redis.read-model-store';

const write = (n: number): RowWrite => ({
  kind: 'upsert',
  accountId: 'acct-1',
  rowId: testUserId(n),
  columns: { firstName: 'Ada', status: 'active', createdAt: '2025-01-01T00:00:00.000Z' },
  source: { streamId: `user-${testUserId(n)}`, streamPosition: 0 },
});

describe('RedisReadModelStore serving pointer', () => {
  const store = new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:` });
  afterEach(() => store.clear(model));
  afterAll(() => store.close());

  it("sweeps another declaration's lapsed generation with its pointer, which then names none", async () => {
    const previous = { ...model, sorts: { ...model.sorts, language: ['language'] } };
    const generation = await store.createGeneration(previous);
    await store.apply(previous, [write(2)], generation);
    await store.switchTo(previous, generation);
    await store.hold(previous, [generation], 1_000);
    const next = await store.createGeneration(model);
    await store.switchTo(model, next);

    expect(await store.sweep(model, 1_000)).toEqual([]);
    expect(await store.current(previous)).toBe(generation);
    expect(await store.sweep(model, 1_001)).toEqual([generation]);
    expect(await store.current(previous)).toBeNull();
    expect(await store.count(previous, 'acct-1', generation)).toBe(0);
    expect(await store.current(model)).toBe(next);
  });

  it('names no generation for a changed declaration, so a deployment whose model gained an index rebuilds', async () => {
    await store.apply(model, [write(1)]);
    expect(await store.current(model)).toBe(1);
    expect(await store.current({ ...model })).toBe(1);
    expect(await store.current({ ...model, sorts: { ...model.sorts, language: ['language'] } })).toBeNull();
    expect(await store.current({ ...model, search: [['email']] })).toBeNull();
  });
});
