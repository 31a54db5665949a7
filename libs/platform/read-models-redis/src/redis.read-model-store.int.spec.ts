import { usersListDeclaration as model } from '@gatehouse/users-list';
import {
  readModelInvitesContract,
  readModelLoadContract,
  readModelQueryContract,
  readModelStoreContract,
  keysUnder,
  testEnv,
  testUserId,
  uniqueName,
} from '@gatehouse/testing';
import type { RowWrite, UpsertRow } from '@gatehouse/read-model-kit';
import { Redis } from 'ioredis';
import { RedisReadModelStore } from './redis.read-model-store';

/** Each store gets a prefix of its own (parallel workers share one server); the suites delete its keys. */
const fresh = () => new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:` });
readModelStoreContract('redis', fresh);
readModelQueryContract('redis', fresh);
readModelInvitesContract('redis', fresh);
readModelLoadContract('redis', fresh);
readModelInvitesContract(
  'redis, walking the order',
  () => new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:`, readUpTo: 0 }),
);
// The same queries when every filtered one walks its sort order instead of ranking its candidates.
readModelQueryContract(
  'redis, walking the order',
  () => new RedisReadModelStore(testEnv.redisUrl, { keyPrefix: `${uniqueName('rm')}:`, readUpTo: 0 }),
);

describe('RedisReadModelStore', () => {
  const redis = new Redis(testEnv.redisUrl);

  afterAll(async () => {
    await redis.quit();
  });

  const creation = (accountId: string, n: number): UpsertRow => ({
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
    const keys = await keysUnder(redis, prefix);
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
    expect(await keysUnder(redis, prefix)).toEqual([]);
    await store.close();
    expect(await redis.ping()).toBe('PONG');
  });

  it('leaves no bookkeeping of a bulk load behind once the generation is indexed', async () => {
    const prefix = `${uniqueName('rm')}:`;
    const store = new RedisReadModelStore(redis, { keyPrefix: prefix });
    try {
      const generation = await store.createGeneration(model);
      const writes = Array.from({ length: 2500 }, (_, index) => creation(`acct-${index % 3}`, index + 1));
      await store.load(model, writes, generation);
      expect((await keysUnder(redis, prefix)).filter((key) => key.includes('loaded'))).toHaveLength(4);
      await store.indexLoaded(model, generation);
      expect((await keysUnder(redis, prefix)).filter((key) => key.includes('loaded'))).toEqual([]);
      expect(await store.count(model, 'acct-0', generation)).toBe(834);
    } finally {
      await store.clear(model);
    }
  });

  it('indexes the rest of a loaded generation when a loaded row is gone by the time it is indexed', async () => {
    const prefix = `${uniqueName('rm')}:`;
    const store = new RedisReadModelStore(redis, { keyPrefix: prefix });
    try {
      const generation = await store.createGeneration(model);
      await store.load(
        model,
        [1, 2, 3].map((n) => creation('acct-gone', n)),
        generation,
      );
      const [row] = (await keysUnder(redis, prefix)).filter((key) => key.endsWith(`:row:${testUserId(2)}`));
      // The pop script then hands back an empty hash, which its JSON text spells {} rather than [].
      await redis.unlink(row);
      await store.indexLoaded(model, generation);
      expect(await store.count(model, 'acct-gone', generation)).toBe(2);
      expect(await store.get(model, 'acct-gone', testUserId(3), generation)).toMatchObject({
        firstName: 'User 3',
      });
    } finally {
      await store.clear(model);
    }
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

  it('exports each row once when rows change between batches, the last one read among them', async () => {
    const store = new RedisReadModelStore(redis, { keyPrefix: `${uniqueName('rm')}:` });
    // Disabling rewrites the row's sort members after its old ones (their walk record ends with its sets).
    const disabled = (n: number): RowWrite => ({
      kind: 'upsert',
      accountId: 'acct-csv',
      rowId: testUserId(n),
      columns: { status: 'disabled' },
      source: { streamId: `user-${testUserId(n)}`, streamPosition: 1 },
    });
    try {
      await store.apply(
        model,
        [1, 2, 3, 4, 5, 6, 7].map((n) => creation('acct-csv', n)),
      );
      const generation = (await store.current(model)) as number;
      // Equal creation times: rows go by id, 1 to 7 (descending 7 to 1), in batches of two. Two batches
      // are read ahead when the first arrives, so the change meets the third batch's last row (already
      // ranged) and the row after it.
      for (const [descending, changed, disabledLines] of [
        [false, [6, 7], [6, 7]],
        [true, [2, 1], [7, 6, 2, 1]],
      ] as const) {
        const lines: string[] = [];
        const query = { accountId: 'acct-csv', anyOf: [], ranges: [], sort: 'created', descending };
        for await (const text of store.scanCsv(model, query, generation, 2)) {
          lines.push(
            ...text
              .toString('utf8')
              .split('\r\n')
              .filter((line) => line !== ''),
          );
          if (lines.length === 2) await store.apply(model, changed.map(disabled));
        }
        const order = [1, 2, 3, 4, 5, 6, 7];
        expect(lines.map((line) => line.split(',')[0])).toEqual(
          (descending ? order.reverse() : order).map((n) => `User ${n}`),
        );
        expect(lines.filter((line) => line.endsWith(',disabled')).map((line) => line.split(',')[0])).toEqual(
          disabledLines.map((n) => `User ${n}`),
        );
      }
    } finally {
      await store.clear(model);
    }
  });

  describe('when counting or walking would cost more than a page may', () => {
    const users = Array.from({ length: 12 }, (_, index) => creation('acct-big', index + 1));
    const query = {
      accountId: 'acct-big',
      search: 'user',
      anyOf: [['status:active']],
      ranges: [],
      sort: 'created',
      descending: false,
    };
    /** A store that always walks, with the given budgets, holding `writes`; cleared afterwards. */
    const walking = async (
      budgets: { countBudget?: number; walkBudget?: number },
      writes: RowWrite[],
      test: (store: RedisReadModelStore) => Promise<void>,
    ) => {
      const store = new RedisReadModelStore(redis, {
        keyPrefix: `${uniqueName('rm')}:`,
        readUpTo: 0,
        ...budgets,
      });
      try {
        await store.apply(model, writes);
        await test(store);
      } finally {
        await store.clear(model);
      }
    };

    it('gives a lower bound, flagged, instead of counting a large driver', async () => {
      await walking({ countBudget: 5 }, users, async (store) => {
        const first = await store.query(model, { ...query, limit: 3 });
        expect([first.total, first.totalIsAtLeast, first.rows.length, first.more]).toEqual([
          4,
          true,
          3,
          true,
        ]);
        const all = await store.query(model, { ...query, limit: 20 });
        expect([all.total, all.totalIsAtLeast, all.rows.length]).toEqual([12, undefined, 12]);
      });
    });

    it('answers short pages that resume where the walk stopped, missing and repeating nothing', async () => {
      const disabled = { ...creation('acct-big', 13), columns: { ...users[0].columns, status: 'disabled' } };
      await walking({ walkBudget: 4 }, [...users, disabled], async (store) => {
        const seen: string[] = [];
        const sizes: number[] = [];
        let after: string | undefined;
        for (let more = true; more && sizes.length < 20; ) {
          const page = await store.query(model, { ...query, anyOf: [['status:disabled']], after, limit: 2 });
          sizes.push(page.rows.length);
          seen.push(...page.rows.map(({ row }) => row.id));
          after = page.next;
          more = page.more;
        }
        expect(seen).toEqual([testUserId(13)]);
        expect(sizes).toEqual([0, 0, 0, 1]);
      });
    });
  });
});
