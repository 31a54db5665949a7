import type { StoredEvent } from '@gatehouse/contracts';
import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { contractKit } from './read-model.contract-kit';
import { mulberry32 } from '../seeded-random';
import {
  roleToggledEvent as toggled,
  testUserId as id,
  userCreatedEvent as created,
  userLoginEvent as loggedIn,
  userRenamedEvent as renamed,
  userStatusEvent as status,
} from './users-list.fixtures';

const acme = 'acct-acme';
const sorts = ['name', 'username', 'email', 'lastLogin', 'created'];
const names = ['Ada', 'ada', 'Zoë', 'Émile', 'Bea', 'Zoltan', 'Aaron', 'Zz'];
const statuses = ['UserDisabled', 'UserLocked', 'UserDeletionRequested'] as const;

// The in-memory store keeps each sort's order as writes arrive once a query has made it (sorted-rows.ts);
// the contract suites check a few moves, this checks many against orders made from scratch.
describe('in-memory read models: sorts kept in order through writes after queries', () => {
  it('pages every sort both ways as a store that was never queried before the writes', async () => {
    const next = mulberry32(20261205);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const kept = new InMemoryReadModelStore();
    const keptKit = contractKit(() => kept);
    const events: StoredEvent[] = [];
    const userPositions = new Map<number, number>();
    const rolePositions = new Map<number, number>();
    const write = (event: StoredEvent) => (events.push(event), keptKit.given(event));
    const nextOf = (positions: Map<number, number>, n: number) => {
      const position = (positions.get(n) ?? -1) + 1;
      positions.set(n, position);
      return position;
    };
    const listed = async (kit: ReturnType<typeof contractKit>) => {
      const orders: string[][] = [];
      for (const sort of sorts)
        for (const descending of [false, true])
          orders.push((await kit.listAll(acme, { sort, descending, limit: 7 })).flat().map((row) => row.id));
      return orders;
    };

    for (let round = 0; round < 12; round++) {
      await listed(keptKit);
      for (let change = 0; change < 15; change++) {
        const n = 1 + Math.floor(next() * 45);
        const position = nextOf(userPositions, n);
        if (position === 0) {
          await write(
            created(acme, id(n), pick(names), { username: `${pick(names)}${n}`, lastName: pick(names) }),
          );
          continue;
        }
        const kind = pick(['rename', 'login', 'status', 'role'] as const);
        if (kind === 'rename') await write(renamed(acme, id(n), position, pick(names)));
        if (kind === 'login') await write(loggedIn(acme, id(n), position));
        if (kind === 'status') await write(status(acme, id(n), pick(statuses), position));
        if (kind === 'role')
          await write(
            toggled(acme, id(n), pick(['support', 'developer']), next() < 0.7, nextOf(rolePositions, n)),
          );
      }
      const fresh = new InMemoryReadModelStore();
      const freshKit = contractKit(() => fresh);
      await freshKit.given(...events);
      const expected = await listed(freshKit);
      expect(expected.flat().length).toBeGreaterThan(0);
      expect(await listed(keptKit)).toEqual(expected);
      expect((await keptKit.page(acme, { limit: 1 })).total).toBe(
        (await freshKit.page(acme, { limit: 1 })).total,
      );
    }
  });
});
