import {
  DistributedStack,
  listEqualsReplay,
  type ListedUser,
  mulberry32,
  newUserBody,
  openAccount,
  type OpenedAccount,
  replayUsers,
  RetryingClient,
} from '@gatehouse/testing';

jest.setTimeout(900_000);

const COMMANDS = 2_000;
const CONCURRENCY = 8;
/** SIGKILLs as the run goes: one instance of each HTTP service. */
const KILLS = [
  { at: 400, service: 'users', instance: 0 },
  { at: 800, service: 'roles', instance: 1 },
  { at: 1_200, service: 'projections', instance: 0 },
] as const;

interface Expected {
  firstName: string;
  status: 'active' | 'disabled';
  roles: Set<string>;
}

/**
 * Two instances of users, roles and projections behind the gateway; 2,000 mixed commands from 8 clients
 * while one instance of each is SIGKILLed. A client retries a 5xx or a dropped connection with the same
 * request (every command here is idempotent or answers a known conflict when repeated); each user is
 * driven by one client, so what the client was told last is what the store must hold at the end, and the
 * users list must equal a replay of the store.
 */
describe('when one instance of each HTTP service is killed under load', () => {
  let stack: DistributedStack;
  let account: OpenedAccount;
  beforeAll(async () => {
    stack = await DistributedStack.start({ instances: { users: 2, roles: 2, projections: 2 } });
    account = await openAccount(stack.users, stack.operatorToken);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('loses no acknowledged write, every retry succeeds, and the list equals a replay', async () => {
    const expected = new Map<string, Expected>();
    const stats = { retries: 0, commands: 0 };
    const kills: Promise<void>[] = [];
    const client = new RetryingClient(account.admin, stack.name, stats);
    const users = `/v1/accounts/${account.accountId}/users`;

    const worker = async (seed: number): Promise<void> => {
      const random = mulberry32(seed);
      const mine: string[] = [];
      while (stats.commands < COMMANDS) {
        const n = ++stats.commands;
        for (const kill of KILLS.filter((step) => step.at === n)) {
          kills.push(stack.kill(kill.service, kill.instance));
        }
        const roll = random();
        const userId = mine[Math.floor(random() * mine.length)];
        const user = expected.get(userId);
        if (mine.length < 3 || roll < 0.25 || !user) {
          const roles = random() < 0.5 ? ['developer'] : [];
          const created = await client.create(users, newUserBody({ roles }));
          mine.push(created);
          expected.set(created, { firstName: 'Grace', status: 'active', roles: new Set(roles) });
        } else if (roll < 0.5) {
          const firstName = `F${n}`;
          await client.send('PATCH', `${users}/${userId}`, { firstName }, 'USER_DETAILS_UNCHANGED');
          user.firstName = firstName;
        } else if (roll < 0.7) {
          const enabled = !user.roles.has('support');
          await client.send('PUT', `${users}/${userId}/roles/support`, { enabled });
          if (enabled) user.roles.add('support');
          else user.roles.delete('support');
        } else if (roll < 0.85) {
          const action = user.status === 'active' ? 'disable' : 'enable';
          const repeated = action === 'disable' ? 'USER_ALREADY_DISABLED' : 'USER_NOT_DISABLED';
          await client.send('POST', `${users}/${userId}/${action}`, {}, repeated);
          user.status = action === 'disable' ? 'disabled' : 'active';
        } else {
          await client.send('GET', `${users}?limit=50`);
        }
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => worker(index + 1)));
    await Promise.all(kills);
    console.log(
      `${COMMANDS} commands in ${Date.now() - started} ms with ${KILLS.length} instances killed: ` +
        `${stats.retries} client retries`,
    );

    // Acknowledged writes, judged by the store itself (initial roles are granted by a reaction, so
    // a create whose answer was lost may see them land a little later).
    const want = [...expected].map(([id, user]) => ({
      id,
      firstName: user.firstName,
      status: user.status,
      roles: [...user.roles].sort(),
    }));
    const deadline = Date.now() + 60_000;
    let stored = await replayUsers(stack.name, account.accountId);
    while (want.some((user) => !matches(stored.get(user.id), user)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      stored = await replayUsers(stack.name, account.accountId);
    }
    expect(want.map((user) => stored.get(user.id))).toEqual(want);

    const { listed, replayed } = await listEqualsReplay(
      stack.projections.as(account.adminToken),
      stack.name,
      account.accountId,
    );
    expect(new Set(listed.map((row) => row.id)).size).toBe(listed.length);
    expect(listed).toEqual(replayed);
  });
});

const matches = (stored: ListedUser | undefined, user: ListedUser) =>
  JSON.stringify(stored) === JSON.stringify(user);
