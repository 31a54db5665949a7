import { csvLine, fold, timeKey } from '@gatehouse/read-model-kit';
import type { ReadModelStore } from '@gatehouse/read-models';
import { contractKit, model, type ReadModelStoreFactory } from './read-model.contract-kit';
import { usersListProjection } from '@gatehouse/users-list';
import {
  eventTime as at,
  queryContractHistory,
  roleToggledEvent as toggled,
  testUserId as id,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
  userRenamedEvent as renamed,
  userStatusEvent as status,
} from './users-list.fixtures';

const acme = 'acct-acme';

/** Search, filters, sorts, paging and generations: what every ReadModelStore adapter answers alike. */
export function readModelQueryContract(name: string, factory: ReadModelStoreFactory): void {
  describe(`ReadModelStore contract (queries): ${name}`, () => {
    let store: ReadModelStore;
    const { given, page, listAll, query } = contractKit(() => store);
    const ids = async (options: Parameters<typeof page>[1]) =>
      (await page(acme, { limit: 100, ...options })).rows.map((row) => Number.parseInt(row.id.slice(-4), 16));

    beforeEach(async () => {
      store = await factory();
      await given(...queryContractHistory(acme));
    });
    afterEach(async () => {
      await store.clear(model);
      await store.close();
    });

    describe('search', () => {
      it('matches a prefix of the first name, last name, full name, username or email, ignoring case and accents', async () => {
        expect(await ids({ search: fold('zoe') })).toEqual([1]);
        expect(await ids({ search: fold('ZO') })).toEqual([1, 3, 5]);
        expect(await ids({ search: fold('angst') })).toEqual([1]);
        expect(await ids({ search: fold('Ada Love') })).toEqual([2]);
        expect(await ids({ search: fold('ada') })).toEqual([2, 4]);
        expect(await ids({ search: fold('countess@') })).toEqual([2]);
        expect(await ids({ search: fold('ovelace') })).toEqual([]);
      });

      it('finds a user without a last name by the first name, once however many of their terms match', async () => {
        await given(created(acme, id(6), 'Ada', { lastName: '', username: 'ada6', email: 'ada6@acme.test' }));
        const found = await page(acme, { limit: 100, search: 'ada' });
        expect(found.rows.map((row) => Number.parseInt(row.id.slice(-4), 16))).toEqual([2, 4, 6]);
        expect(found.total).toBe(3);
        expect(await ids({ search: 'ada6@' })).toEqual([6]);
      });

      it('follows a rename: the old name no longer matches, the new one does', async () => {
        await given(renamed(acme, id(2), 30, 'Augusta'));
        expect(await ids({ search: 'ada lo' })).toEqual([]);
        expect(await ids({ search: 'augusta lo' })).toEqual([2]);
      });
    });

    describe('filters', () => {
      it('filter by status, a pending deletion, any of several roles and language, and combine', async () => {
        expect(await ids({ anyOf: [['status:active']] })).toEqual([1, 2, 5]);
        expect(await ids({ anyOf: [['status:disabled', 'status:locked']] })).toEqual([3, 4]);
        expect(await ids({ anyOf: [['deletionRequested:yes']] })).toEqual([5]);
        expect(await ids({ anyOf: [['role:support', 'role:developer']] })).toEqual([1, 3]);
        expect(await ids({ anyOf: [['language:fr']] })).toEqual([1, 5]);
        expect(await ids({ anyOf: [['language:fr'], ['status:active']], search: 'e' })).toEqual([5]);
        // Two groups of one set each, counted by intersecting them (a walk's exact total).
        const both = await page(acme, { anyOf: [['language:fr'], ['status:active']], limit: 1 });
        expect([both.rows.length, both.total, both.totalIsAtLeast]).toEqual([1, 2, undefined]);
      });

      it("matches filters only on memberships and the search only on terms, whatever a name or role's text holds", async () => {
        await given(
          created(acme, id(6), '|role:support|', {
            lastName: '|status:disabled|',
            username: 'u6',
            email: 'u6@x.test',
          }),
          toggled(acme, id(6), 'team\nzed', true, 0),
        );
        expect(await ids({ anyOf: [['role:support']] })).toEqual([1]);
        expect(await ids({ anyOf: [['status:disabled']] })).toEqual([3]);
        expect(await ids({ anyOf: [['role:support'], ['status:active']], search: '|' })).toEqual([]);
        expect(await ids({ search: 'zed' })).toEqual([]);
        expect(await ids({ anyOf: [['role:team\nzed']], search: '|role' })).toEqual([6]);
      });

      it('filter by last login after, before and never, and give the total of the filtered set', async () => {
        const after = { sort: 'lastLogin', min: timeKey(at(6)), max: timeKey('9999-12-31T00:00:00Z') };
        const before = {
          sort: 'lastLogin',
          min: timeKey(at(0).replace('00.000Z', '00.001Z')),
          max: timeKey(at(15)),
        };
        const never = { sort: 'lastLogin', min: timeKey(null), max: timeKey(null) };
        expect(await ids({ ranges: [after] })).toEqual([2, 3]);
        expect(await ids({ ranges: [before] })).toEqual([1, 2]);
        expect(await ids({ ranges: [never] })).toEqual([4, 5]);
        expect(await ids({ ranges: [after, before] })).toEqual([2]);
        const filtered = await page(acme, { ranges: [never], anyOf: [['language:en']], limit: 1 });
        expect([filtered.total, filtered.more, filtered.rows.length]).toEqual([1, false, 1]);
      });
    });

    describe('sorts', () => {
      it.each([
        ['name', false, [4, 2, 5, 1, 3]],
        ['name', true, [3, 1, 5, 2, 4]],
        ['username', false, [2, 4, 5, 3, 1]],
        ['email', false, [4, 2, 5, 3, 1]],
        ['lastLogin', false, [4, 5, 1, 2, 3]],
        ['lastLogin', true, [3, 2, 1, 5, 4]],
        ['created', true, [5, 4, 3, 2, 1]],
      ])('sorts by %s (descending: %s), ties by id', async (sort, descending, expected) => {
        expect(await ids({ sort, descending })).toEqual(expected);
        const paged = await listAll(acme, { sort, descending, limit: 2 });
        expect(paged.flat().map((row) => Number.parseInt(row.id.slice(-4), 16))).toEqual(expected);
      });
    });

    describe('paging while rows change', () => {
      it('neither skips nor repeats an unchanged row when rows move or arrive between pages', async () => {
        const first = await store.query(model, query(acme, { sort: 'name', limit: 2 }));
        await given(renamed(acme, id(4), 30, 'Zz'), created(acme, id(6), 'Aaron'));
        const rest = await store.query(
          model,
          query(acme, { sort: 'name', limit: 10, after: first.rows[1].member }),
        );
        const seen = [...first.rows, ...rest.rows].map(({ row }) => Number.parseInt(row.id.slice(-4), 16));
        expect(seen).toEqual([4, 2, 5, 1, 3, 4]);
      });

      it.each([
        [false, [4, 2], [5, 1, 3]],
        [true, [3, 1], [5, 2, 4]],
      ])(
        'neither repeats nor skips a row whose roles or status change at the cursor (descending: %s)',
        async (descending, firstIds, restIds) => {
          const number = (row: { id: string }) => Number.parseInt(row.id.slice(-4), 16);
          const first = await store.query(model, query(acme, { sort: 'name', descending, limit: 2 }));
          expect(first.rows.map(({ row }) => number(row))).toEqual(firstIds);
          const atCursor = firstIds[1];
          await given(
            toggled(acme, id(atCursor), 'zz-auditor', true, 1),
            toggled(acme, id(atCursor), 'aa-auditor', true, 2),
            status(acme, id(atCursor), 'UserLocked', 40),
            status(acme, id(restIds[0]), 'UserLocked', 40),
          );
          const rest = await store.query(
            model,
            query(acme, { sort: 'name', descending, limit: 10, after: first.rows[1].member }),
          );
          expect(rest.rows.map(({ row }) => number(row))).toEqual(restIds);
        },
      );
    });

    describe('scanning for an export', () => {
      const scanned = async (options: Parameters<typeof query>[1], generation: number) => {
        const batches: number[][] = [];
        for await (const rows of store.scan(model, query(acme, options), generation, 2))
          batches.push(rows.map((row) => Number.parseInt(row.id.slice(-4), 16)));
        return batches;
      };

      it('gives every matching row in order, a batch at a time, from the generation it started on', async () => {
        const generation = (await store.current(model)) as number;
        expect(await scanned({ sort: 'name' }, generation)).toEqual([[4, 2], [5, 1], [3]]);
        expect(await scanned({ sort: 'name', descending: true, search: 'z' }, generation)).toEqual([
          [3, 1],
          [5],
        ]);
        expect(await scanned({ anyOf: [['status:disabled']] }, generation)).toEqual([[3]]);
        expect(await scanned({ search: 'nobody' }, generation)).toEqual([]);
        const next = await store.createGeneration(model);
        await store.switchTo(model, next);
        expect(await scanned({ sort: 'name' }, generation)).toHaveLength(3);
      });

      it('gives the rows as CSV lines, as csvLine renders them, kept up to date with each write', async () => {
        await given(
          created(acme, id(6), '=Bob, "the" builder', { lastName: '', username: 'line\nbreak', email: '@x' }),
          toggled(acme, id(6), 'support', true, 0),
          toggled(acme, id(6), 'developer', true, 1),
          renamed(acme, id(2), 11, '+Augusta'),
        );
        const generation = (await store.current(model)) as number;
        const csv = async (options: Parameters<typeof query>[1]) => {
          let text = '';
          for await (const lines of store.scanCsv(model, query(acme, options), generation, 2))
            text += lines.toString('utf8');
          return text;
        };
        const rendered = async (options: Parameters<typeof query>[1]) => {
          let text = '';
          for await (const rows of store.scan(model, query(acme, options), generation, 100))
            text += rows.map((row) => csvLine(model, row)).join('');
          return text;
        };
        for (const options of [
          { sort: 'name' },
          { sort: 'created', descending: true },
          { sort: 'email', descending: true, search: 'z' },
          { anyOf: [['status:disabled', 'deletionRequested:yes']] },
        ])
          expect(await csv(options)).toBe(await rendered(options));
        expect(await csv({ search: 'nobody' })).toBe('');
        expect(await csv({ search: '=bob' })).toBe(
          `"'=Bob, ""the"" builder",'@x,"line\nbreak",support; developer,,active\r\n`,
        );
        expect(await csv({ search: 'emile' })).toBe(
          'Émile Zola,emile@acme.test,emile,,,deletion-requested\r\n',
        );
        await given(loggedIn(acme, id(6), 3), toggled(acme, id(6), 'support', false, 2));
        expect(await csv({ search: '=bob' })).toBe(
          `"'=Bob, ""the"" builder",'@x,"line\nbreak",developer,${at(3)},active\r\n`,
        );
        expect(await csv({ search: '+augusta' })).toBe(
          `'+Augusta Lovelace,countess@acme.test,ada,account-admin,${at(10)},active\r\n`,
        );
      });

      it('gives only the columns asked for, and the id', async () => {
        const generation = (await store.current(model)) as number;
        const rows: unknown[] = [];
        for await (const batch of store.scan(model, query(acme, { search: 'ada' }), generation, 10, [
          'lastName',
          'roles',
        ]))
          rows.push(...batch);
        expect(rows).toEqual([
          { id: id(2), lastName: 'Lovelace', roles: ['account-admin'] },
          // Never granted a role: an each set's list reads as [] (readFields).
          { id: id(4), lastName: 'Byron', roles: [] },
        ]);
      });
    });

    describe('generations', () => {
      it('fills a new generation without touching the serving one, then serves it from the switch on', async () => {
        const serving = await store.current(model);
        const next = await store.createGeneration(model);
        expect(next).not.toBe(serving);
        await store.apply(model, usersListProjection.project(created(acme, id(9), 'Fresh')), next);
        expect(await ids({})).toEqual([1, 2, 3, 4, 5]);
        expect((await store.query(model, query(acme), next)).total).toBe(1);
        await store.switchTo(model, next);
        expect(await ids({})).toEqual([9]);
        await store.dropGeneration(model, serving as number);
        expect(await ids({ search: 'fresh' })).toEqual([9]);
        expect(await store.current(model)).toBe(next);
      });

      it('sweeps a generation once its hold has ended, never the serving one nor one never held', async () => {
        const serving = (await store.current(model)) as number;
        const [held, extended, neverHeld] = [
          await store.createGeneration(model),
          await store.createGeneration(model),
          await store.createGeneration(model),
        ];
        await store.apply(model, usersListProjection.project(created(acme, id(9), 'Held')), held);
        await store.hold(model, [serving, held, extended], 1_000);
        await store.hold(model, [extended], 3_000);
        await store.hold(model, [extended], 2_000);

        expect(await store.sweep(model, 1_000)).toEqual([]);
        expect((await store.query(model, query(acme), held)).total).toBe(1);
        expect(await store.sweep(model, 1_001)).toEqual([held]);
        expect(await store.sweep(model, 2_500)).toEqual([]);
        expect(await store.sweep(model, 3_001)).toEqual([extended]);
        expect(await store.sweep(model, 1e15)).toEqual([]);

        expect(await store.current(model)).toBe(serving);
        expect(await ids({})).toEqual([1, 2, 3, 4, 5]);
        expect((await store.query(model, query(acme), neverHeld)).total).toBe(0);
        await store.hold(model, [held], 4_000);
        expect(await store.sweep(model, 5_000)).toEqual([held]);
      });
    });
  });
}
