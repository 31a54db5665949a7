import type { DomainEvent } from '@gatehouse/contracts';
import { type Decider, DomainError } from '@gatehouse/domain-kit';
import { handleCommands, step } from './handle-commands';
import { InMemoryEventStore } from './in-memory-event-store';
import { newTestEvent } from './new-test-event';
import { RecordingStore, testContext } from './recording-store';
import { StateCache } from './state-cache';

type Claimed = DomainEvent<'Claimed', { by: string }>;
type Claim = { type: 'Claim'; by: string };
type ClaimState = { owner: string | null };

/** A stream that can be claimed once: enough to see all-or-nothing across streams. */
const claims: Decider<Claim, ClaimState, Claimed> = {
  initialState: () => ({ owner: null }),
  decide: (command, state) => {
    if (state.owner) throw new DomainError('TAKEN', 'conflict', 'already claimed');
    return [{ type: 'Claimed', data: { by: command.by } }];
  },
  evolve: (_state, event) => ({ owner: event.data.by }),
};

const context = testContext;

describe('handling commands on several streams at once', () => {
  it('appends the events of every stream together and reports each version', async () => {
    const store = new InMemoryEventStore();
    const versions = await handleCommands(
      store,
      [
        step('claim-a', claims, { type: 'Claim', by: 'x' }),
        step('claim-b', claims, { type: 'Claim', by: 'x' }),
      ],
      context,
    );
    expect([...versions]).toEqual([
      ['claim-a', 0],
      ['claim-b', 0],
    ]);
    expect((await store.readAll({ after: '', maxCount: 10 })).map((event) => event.streamId)).toEqual([
      'claim-a',
      'claim-b',
    ]);
  });

  it('writes nothing anywhere when one command breaks a rule', async () => {
    const store = new InMemoryEventStore();
    await handleCommands(store, [step('claim-b', claims, { type: 'Claim', by: 'first' })], context);
    await expect(
      handleCommands(
        store,
        [
          step('claim-a', claims, { type: 'Claim', by: 'x' }),
          step('claim-b', claims, { type: 'Claim', by: 'x' }),
        ],
        context,
      ),
    ).rejects.toMatchObject({ code: 'TAKEN' });
    expect(await store.readStream('claim-a')).toEqual([]);
  });

  it('lets exactly one of many concurrent claims win, re-deciding the losers', async () => {
    const store = new InMemoryEventStore();
    const attempts = Array.from({ length: 10 }, (_, n) =>
      handleCommands(store, [step('claim-a', claims, { type: 'Claim', by: `u${n}` })], context).then(
        () => 'won',
        (error: DomainError) => error.code,
      ),
    );
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((outcome) => outcome === 'won')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'TAKEN')).toHaveLength(9);
  });
});

describe('the first try of several commands, in a request', () => {
  let store: RecordingStore;
  let cache: StateCache;
  beforeEach(() => {
    store = new RecordingStore();
    const arrived = performance.now();
    cache = new StateCache(store, 10, () => arrived);
  });
  const streamsRead = () => store.calls.map((reads) => reads.map((read) => read.streamId));

  it('decides on what the cache read since the request arrived and on new streams, reading nothing', async () => {
    await cache.load('claim-a', claims);
    const versions = await handleCommands(
      store,
      [
        step('claim-a', claims, { type: 'Claim', by: 'x' }, { cache, firstTry: 'request' }),
        step('claim-new', claims, { type: 'Claim', by: 'x' }, { firstTry: 'new' }),
      ],
      context,
    );
    expect([...versions]).toEqual([
      ['claim-a', 0],
      ['claim-new', 0],
    ]);
    expect(streamsRead()).toEqual([['claim-a']]);
  });

  it('reads and decides again when a stream it decided on unread was written meanwhile', async () => {
    await cache.load('claim-a', claims);
    await store.append('claim-a', [newClaim('earlier')], -1);
    await store.append('claim-new', [newClaim('earlier')], -1);
    await expect(
      handleCommands(
        store,
        [
          step('claim-a', claims, { type: 'Claim', by: 'x' }, { cache, firstTry: 'request' }),
          step('claim-new', claims, { type: 'Claim', by: 'x' }, { firstTry: 'new' }),
        ],
        context,
      ),
    ).rejects.toMatchObject({ code: 'TAKEN' });
    expect(streamsRead().flat().sort()).toEqual(['claim-a', 'claim-a', 'claim-new']);
    expect(await store.readStream('claim-a')).toHaveLength(1);
  });

  it("tells the cache of its write, so the request's next load of the stream sees it", async () => {
    await cache.load('claim-a', claims);
    await handleCommands(
      store,
      [step('claim-a', claims, { type: 'Claim', by: 'x' }, { cache, firstTry: 'request' })],
      context,
    );
    expect((await cache.load('claim-a', claims, 'request')).state).toEqual({ owner: 'x' });
  });
});

function newClaim(by: string) {
  return { ...newTestEvent(), type: 'Claimed', data: { by } };
}
