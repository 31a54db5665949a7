import type { StoredEvent } from '@gatehouse/contracts';
import type { RowQuery } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { usersListProjection } from '@gatehouse/users-list';
import { contractKit, model, type ReadModelStoreFactory } from './read-model.contract-kit';
import {
  eventTime as at,
  roleToggledEvent as toggled,
  testUserId,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
  userRenamedEvent as renamed,
  userStatusEvent as status,
} from './users-list.fixtures';

const acme = 'acct-acme';
const globex = 'acct-globex';
const names = [
  'Zoë',
  'Ada',
  'Émile',
  'Maria',
  'Mark',
  'Grace',
  'Alan',
  'Björn',
  'Chloé',
  'Ada',
  'Ana',
  'Zed',
];

/**
 * A store's history in store order: twelve users of one account and one of another, roles granted before
 * and after creation, renames, logins, a disable, a role taken back.
 */
const history: StoredEvent[] = [
  toggled(acme, testUserId(3), 'viewer', true, 0),
  ...names.map((name, index) => created(acme, testUserId(index + 1), name)),
  created(globex, testUserId(1), 'Globex'),
  ...names.map((_, index) =>
    toggled(acme, testUserId(index + 1), 'admin', index % 3 === 0, index === 2 ? 1 : 0),
  ),
  toggled(acme, testUserId(3), 'support', true, 2),
  toggled(acme, testUserId(4), 'admin', false, 1),
  renamed(acme, testUserId(2), 1, 'Augusta'),
  loggedIn(acme, testUserId(2), 2),
  loggedIn(acme, testUserId(5), 1),
  status(acme, testUserId(6), 'UserDisabled', 1),
  status(acme, testUserId(7), 'UserDeletionRequested', 1),
  loggedIn(acme, testUserId(6), 2, '198.51.100.6'),
];

/** What rebuilds write with: load() into a generation nobody reads, indexLoaded(), then a switch. */
export function readModelLoadContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`ReadModelStore contract (bulk loading a rebuild): ${name}`, () => {
    let store: ReadModelStore;
    const { query } = contractKit(() => store);
    const writes = (events: StoredEvent[]) => events.flatMap(usersListProjection.project);
    const queries: Partial<RowQuery>[] = [
      {},
      { sort: 'name', limit: 20 },
      { sort: 'lastLogin', descending: true, limit: 5 },
      { search: 'ma', sort: 'name' },
      { search: 'lovelace', limit: 3 },
      { anyOf: [['role:admin'], ['status:active']], sort: 'username' },
      { anyOf: [['role:viewer', 'role:support']] },
      { anyOf: [['status:disabled'], ['deletionRequested:yes']] },
      { anyOf: [['deletionRequested:yes']] },
      { search: 'augusta', anyOf: [['language:en']] },
    ];
    // Rows as objects: a row's JSON lists its fields in whatever order the path that wrote it kept them.
    const answers = (accountId: string, generation: number) =>
      Promise.all(
        queries.map(async (options) => {
          const page = await store.query(model, query(accountId, options), generation);
          return { ...page, rows: page.rows.map(({ row, member }) => ({ row, member })) };
        }),
      );
    const csv = async (accountId: string, generation: number) => {
      let text = '';
      for await (const lines of store.scanCsv(model, query(accountId, { sort: 'name' }), generation, 5))
        text += lines.toString('utf8');
      return text;
    };

    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.clear(model);
      await store.close();
    });

    it('answers every query as the same history applied write by write does, once indexed', async () => {
      await store.apply(model, writes(history));
      const applied = (await store.current(model)) as number;
      const loaded = await store.createGeneration(model);
      for (let start = 0; start < history.length; start += 7)
        await store.load(model, writes(history.slice(start, start + 7)), loaded);
      await store.indexLoaded(model, loaded);

      for (const accountId of [acme, globex]) {
        expect(await answers(accountId, loaded)).toEqual(await answers(accountId, applied));
        expect(await csv(accountId, loaded)).toBe(await csv(accountId, applied));
        expect(await store.count(model, accountId, loaded)).toBe(
          await store.count(model, accountId, applied),
        );
        for (const n of [1, 2, 3, 6, 13])
          expect(await store.get(model, accountId, testUserId(n), loaded)).toEqual(
            await store.get(model, accountId, testUserId(n), applied),
          );
      }
      expect((await store.get(model, acme, testUserId(3), loaded))?.['roles']).toEqual(['viewer', 'support']);
    });

    it('keeps positions, so after the switch live writes already loaded are skipped and newer ones index', async () => {
      const loaded = await store.createGeneration(model);
      await store.load(model, writes(history), loaded);
      await store.indexLoaded(model, loaded);
      await store.switchTo(model, loaded);
      const before = await answers(acme, loaded);

      await store.apply(model, writes(history.slice(-6)));
      expect(await answers(acme, loaded)).toEqual(before);

      await store.apply(model, writes([status(acme, testUserId(2), 'UserDisabled', 3)]));
      await store.apply(model, writes([toggled(acme, testUserId(3), 'viewer', false, 3)]));
      const disabled = await store.query(model, query(acme, { anyOf: [['status:disabled']] }));
      expect(disabled.rows.map(({ row }) => row.id)).toEqual([testUserId(2), testUserId(6)]);
      expect((await store.query(model, query(acme, { anyOf: [['role:viewer']] }))).total).toBe(0);
      expect(await store.get(model, acme, testUserId(2))).toMatchObject({
        firstName: 'Augusta',
        lastLoginAt: at(2),
        status: 'disabled',
      });
    });

    it('lists nothing of a generation loaded but never written a listing column', async () => {
      const loaded = await store.createGeneration(model);
      await store.load(model, writes([toggled(acme, testUserId(1), 'admin', true, 0)]), loaded);
      await store.indexLoaded(model, loaded);
      expect(await store.count(model, acme, loaded)).toBe(0);
      expect((await store.query(model, query(acme, { anyOf: [['role:admin']] }), loaded)).total).toBe(0);
      expect(await store.get(model, acme, testUserId(1), loaded)).toBeNull();
    });
  });
}
