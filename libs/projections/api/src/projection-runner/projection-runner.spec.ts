import type { StoredEvent } from '@gatehouse/contracts';
import { InMemoryEventStore } from '@gatehouse/event-store';
import { invitesListDeclaration } from '@gatehouse/invites-list';
import { Metrics } from '@gatehouse/operations';
import { InMemoryReadModelStore } from '@gatehouse/read-models';
import { testUserId, userCreatedEvent } from '@gatehouse/testing';
import { usersListDeclaration } from '@gatehouse/users-list';
import { EventSubscriber, type Subscription } from '@gatehouse/bus';
import { ProjectionRunner } from './projection-runner';

/** Hands the runner's handler to the test, which delivers batches itself. */
class CapturingSubscriber extends EventSubscriber {
  handle?: (batch: readonly StoredEvent[]) => Promise<void>;
  async subscribe(
    _options: unknown,
    handle: (batch: readonly StoredEvent[]) => Promise<void>,
  ): Promise<Subscription> {
    this.handle = handle;
    return { close: async () => undefined };
  }
}

/** A runner over in-memory stores whose read models have a generation, subscribed. */
async function startedRunner() {
  const store = new InMemoryReadModelStore();
  const subscriber = new CapturingSubscriber();
  const config = { groupId: 'projections', operatorToken: 'unused', rebuildGraceMs: 0 };
  const runner = new ProjectionRunner(
    subscriber,
    store,
    new InMemoryEventStore(),
    config,
    new Metrics('test'),
  );
  for (const model of [usersListDeclaration, invitesListDeclaration])
    await store.switchTo(model, await store.createGeneration(model));
  await runner.onApplicationBootstrap();
  return { store, subscriber, runner };
}

const firstPage = (store: InMemoryReadModelStore) =>
  store.query(usersListDeclaration, {
    accountId: 'acct-a',
    anyOf: [],
    ranges: [],
    sort: 'created',
    descending: false,
    limit: 10,
  });

describe('ProjectionRunner', () => {
  it('applies a batch to the models that have writes for it, asking only their generation', async () => {
    const { store, subscriber, runner } = await startedRunner();
    const current = jest.spyOn(store, 'current');

    const userId = testUserId(1);
    await subscriber.handle?.([userCreatedEvent('acct-a', userId)]);

    expect(current.mock.calls.map(([model]) => model.name)).toEqual([usersListDeclaration.name]);
    const page = await firstPage(store);
    expect(page.rows.map(({ row }) => row.id)).toEqual([userId]);
    await runner.onApplicationShutdown();
  });

  it('applies the batches handed over side by side in one turn (the partitions of a fetch) as one', async () => {
    const { store, subscriber, runner } = await startedRunner();
    const apply = jest.spyOn(store, 'apply');

    const ids = [testUserId(1), testUserId(2), testUserId(3)];
    await Promise.all(ids.map((id) => subscriber.handle?.([userCreatedEvent('acct-a', id)])));

    expect(apply).toHaveBeenCalledTimes(1);
    const page = await firstPage(store);
    expect(page.rows.map(({ row }) => row.id).sort()).toEqual([...ids].sort());
    await runner.onApplicationShutdown();
  });
});
