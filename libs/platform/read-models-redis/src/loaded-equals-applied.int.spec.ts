import { usersListDeclaration as model, usersListProjection } from '@gatehouse/users-list';
import {
  roleToggledEvent as toggled,
  keysUnder,
  testEnv,
  testUserId,
  uniqueName,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
  userRenamedEvent as renamed,
  userStatusEvent as status,
} from '@gatehouse/testing';
import type { StoredEvent } from '@gatehouse/contracts';
import { Redis } from 'ioredis';
import { RedisReadModelStore } from './redis.read-model-store';

/**
 * A rebuild indexes loaded rows in Node (row-index.ts), live writes in Lua (apply.script.ts): a later apply
 * computes a row's old members in Lua to remove them, so both sides must write the same keys and members,
 * byte for byte (JSON records compared as objects: each side lists their fields in its own order).
 */
describe('RedisReadModelStore, loaded and applied', () => {
  const redis = new Redis(testEnv.redisUrl);
  afterAll(async () => {
    await redis.quit();
  });

  it('indexes a loaded generation into exactly the keys apply() writes, member for member', async () => {
    const prefix = `${uniqueName('rm')}:`;
    const store = new RedisReadModelStore(redis, { keyPrefix: prefix });
    // The last has a tab and a backslash: a record's name goes through the Lua's JSON string encoder.
    const names = [
      'Zoë',
      'Ada',
      'Émile Jean',
      '𝒜da',
      'Ana  Maria',
      '=Bob, "the" builder',
      'Ångström',
      'z\t\\',
    ];
    const history: StoredEvent[] = [
      toggled('acct-p', testUserId(3), 'viewer', true, 0),
      ...names.map((name, n) =>
        created('acct-p', testUserId(n + 1), name, n === 4 ? { lastName: '', language: 'fr' } : {}),
      ),
      created('acct-q', testUserId(1), 'Quinn'),
      ...names.map((_, n) =>
        toggled('acct-p', testUserId(n + 1), 'Ünïcode-role', n % 2 === 0, n === 2 ? 1 : 0),
      ),
      toggled('acct-p', testUserId(3), 'admin', true, 2),
      // Byte order puts ops-z first; a collation that skips punctuation would put opsb first.
      toggled('acct-p', testUserId(5), 'opsb', true, 1),
      toggled('acct-p', testUserId(5), 'ops-z', true, 2),
      renamed('acct-p', testUserId(2), 1, 'Augusta Ada'),
      loggedIn('acct-p', testUserId(2), 2),
      status('acct-p', testUserId(6), 'UserDisabled', 1),
      status('acct-p', testUserId(7), 'UserDeletionRequested', 1),
      toggled('acct-p', testUserId(9), 'orphan', true, 0),
    ];
    const writes = history.flatMap(usersListProjection.project);
    /** Every key of a generation, its generation number taken out, with its content by type. */
    const contents = async (generation: number) => {
      const all: Record<string, unknown> = {};
      for (const key of (await keysUnder(redis, `${prefix}${model.name}:g${generation}:`)).sort()) {
        const type = await redis.type(key);
        const name = key.replace(`:g${generation}:`, ':g*:');
        const hash = type === 'hash' ? await redis.hgetall(key) : {};
        // A JSON record's columns come in whatever order each side keeps them.
        if (key.endsWith(':json'))
          all[name] = Object.fromEntries(Object.entries(hash).map(([id, r]) => [id, JSON.parse(`{${r}}`)]));
        else if (type === 'hash') all[name] = hash;
        else if (type === 'set') all[name] = (await redis.smembers(key)).sort();
        else all[name] = await redis.zrange(key, '0', '-1');
      }
      return all;
    };
    try {
      const applied = await store.createGeneration(model);
      await store.apply(model, writes, applied);
      const loaded = await store.createGeneration(model);
      await store.load(model, writes.slice(0, 11), loaded);
      await store.load(model, writes.slice(11), loaded);
      await store.indexLoaded(model, loaded);
      const expected = await contents(applied);
      expect(Object.keys(expected).length).toBeGreaterThan(20);
      expect(await contents(loaded)).toEqual(expected);
    } finally {
      await store.clear(model);
    }
  });
});
