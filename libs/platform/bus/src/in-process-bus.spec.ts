import { allTopics, type StoredEvent } from '@gatehouse/contracts';
import { InProcessBus } from './in-process-bus';

// The port's contract suite runs against this bus in libs/testing (event-bus.in-process.spec.ts); these
// tests pin down what is particular to it.

function event(streamPosition: number): StoredEvent {
  return {
    eventId: `event-${streamPosition}`,
    type: 'ContractChecked',
    schemaVersion: 1,
    streamId: 'user-1',
    streamPosition,
    globalPosition: streamPosition + 1,
    checkpoint: String(streamPosition + 1),
    accountId: 'acct-1',
    occurredAt: '2025-03-04T05:06:07.089Z',
    actor: 'user-admin',
    correlationId: 'correlation-1',
    causationId: null,
    data: {},
  };
}

/** A promise the test resolves by hand, to hold a handler mid-batch. */
function gate() {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const positions = (events: readonly StoredEvent[]) => events.map((stored) => stored.streamPosition);
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the in-process bus', () => {
  it('resolves publish once events are queued, while a handler is still busy', async () => {
    const bus = new InProcessBus();
    const held = gate();
    const handled: StoredEvent[] = [];
    await bus.subscribe({ groupId: 'busy', topics: allTopics }, async (batch) => {
      await held.opened;
      handled.push(...batch);
    });

    await bus.publish([event(0)]);
    expect(handled).toEqual([]);
    held.open();
    await settle();
    expect(positions(handled)).toEqual([0]);
    await bus.close();
  });

  it('waits on close for the batch in hand, then calls no handler again', async () => {
    const bus = new InProcessBus();
    const held = gate();
    const handled: StoredEvent[] = [];
    await bus.subscribe({ groupId: 'closing', topics: allTopics }, async (batch) => {
      await held.opened;
      handled.push(...batch);
    });
    await bus.publish([event(0)]);

    let closed = false;
    const closing = bus.close().then(() => (closed = true));
    await settle();
    expect(closed).toBe(false);
    held.open();
    await closing;
    expect(positions(handled)).toEqual([0]);
    await expect(bus.publish([event(1)])).rejects.toThrow(/closed/);
  });

  it('gives a group that subscribes late the events published before it came', async () => {
    const bus = new InProcessBus();
    await bus.publish([event(0), event(1)]);
    const handled: StoredEvent[] = [];
    await bus.subscribe({ groupId: 'late', topics: allTopics }, async (batch) => void handled.push(...batch));

    await settle();
    expect(positions(handled)).toEqual([0, 1]);
    await bus.close();
  });

  it('drops events every group has handled beyond the newest retainEvents', async () => {
    const bus = new InProcessBus({ retainEvents: 2 });
    await bus.subscribe({ groupId: 'early', topics: allTopics }, async () => undefined);
    await bus.publish([0, 1, 2, 3, 4].map(event));
    await settle();

    const handled: StoredEvent[] = [];
    await bus.subscribe({ groupId: 'late', topics: allTopics }, async (batch) => void handled.push(...batch));
    await settle();
    expect(positions(handled)).toEqual([3, 4]);
    await bus.close();
  });

  it('keeps events a group has not handled yet, however many', async () => {
    const bus = new InProcessBus({ retainEvents: 1 });
    const held = gate();
    const slow: StoredEvent[] = [];
    await bus.subscribe({ groupId: 'slow', topics: allTopics }, async (batch) => {
      await held.opened;
      slow.push(...batch);
    });
    await bus.subscribe({ groupId: 'fast', topics: allTopics }, async () => undefined);
    for (const position of [0, 1, 2, 3]) await bus.publish([event(position)]);

    held.open();
    for (let round = 0; round < 5; round++) await settle();
    expect(positions(slow)).toEqual([0, 1, 2, 3]);
    await bus.close();
  });
});
