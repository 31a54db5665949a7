import type { EventPublisher, EventSubscriber, Subscription } from '@gatehouse/bus';
import { allTopics, type StoredEvent } from '@gatehouse/contracts';
import { v7 as uuidv7 } from 'uuid';
import { uniqueName } from '../infra/env';

export interface EventBusUnderTest {
  readonly publisher: EventPublisher;
  readonly subscriber: EventSubscriber;
  /** What the adapter reported through its onError option: failures must be reported, not swallowed. */
  readonly reportedErrors: readonly unknown[];
  /** Closes publisher and subscriber and removes what the factory made (topics). */
  cleanup(): Promise<void>;
}

/** A fresh bus per test, subscribed by the logical topic names (`allTopics`). */
export type EventBusFactory = () => Promise<EventBusUnderTest>;

let globalPosition = 0;

function storedEvent(
  streamId: string,
  streamPosition: number,
  overrides: Partial<StoredEvent> = {},
): StoredEvent {
  globalPosition += 1;
  return {
    eventId: uuidv7(),
    type: 'ContractChecked',
    schemaVersion: 1,
    streamId,
    streamPosition,
    globalPosition,
    checkpoint: String(globalPosition),
    accountId: 'acct-contract',
    occurredAt: '2025-03-04T05:06:07.089Z',
    actor: 'user-admin',
    correlationId: uuidv7(),
    causationId: null,
    data: { streamPosition },
    ...overrides,
  };
}

const streamOf = (prefix: string, length: number, first = 0): StoredEvent[] => {
  const streamId = `${prefix}-${uuidv7()}`;
  return Array.from({ length }, (_, index) => storedEvent(streamId, first + index));
};

const ids = (events: readonly StoredEvent[]): string[] => events.map((event) => event.eventId);

/** Records every batch a handler is given; `fail` makes chosen calls throw. */
function recorder(fail: (call: number) => Error | undefined = () => undefined) {
  const batches: StoredEvent[][] = [];
  const events: StoredEvent[] = [];
  const handle = async (batch: readonly StoredEvent[]): Promise<void> => {
    batches.push([...batch]);
    const error = fail(batches.length);
    if (error) throw error;
    events.push(...batch);
  };
  return { batches, events, handle };
}

async function eventually(assertion: () => void, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export function eventBusContract(name: string, factory: EventBusFactory): void {
  describe(`${name} event bus`, () => {
    let bus: EventBusUnderTest;
    let subscriptions: Subscription[];
    const subscribe = async (groupId: string, handle: (batch: readonly StoredEvent[]) => Promise<void>) => {
      const subscription = await bus.subscriber.subscribe({ groupId, topics: allTopics }, handle);
      subscriptions.push(subscription);
      return subscription;
    };

    beforeEach(async () => {
      bus = await factory();
      subscriptions = [];
    }, 30_000);

    afterEach(async () => {
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      await bus.cleanup();
    }, 30_000);

    it('delivers every published event, field for field', async () => {
      const sent = [
        storedEvent(`user-${uuidv7()}`, 0, {
          causationId: uuidv7(),
          actor: 'user-Zoë',
          data: { name: 'Zoë ✓ "quoted"', nested: { list: [1, 'two', null], flag: false } },
        }),
        storedEvent(`account-${uuidv7()}`, 4, { schemaVersion: 2, checkpoint: '0000/00AB:17' }),
        storedEvent(`roles-${uuidv7()}`, 0, { data: [] }),
      ];
      const seen = recorder();
      await subscribe(uniqueName('fields'), seen.handle);
      await bus.publisher.publish(sent);

      await eventually(() => expect(seen.events).toHaveLength(sent.length));
      const byGlobalPosition = (a: StoredEvent, b: StoredEvent) => a.globalPosition - b.globalPosition;
      expect([...seen.events].sort(byGlobalPosition)).toEqual(sent);
    }, 30_000);

    it('keeps each stream in order across calls and topics', async () => {
      const streams = [streamOf('user', 12), streamOf('user', 12), streamOf('account', 12)];
      const seen = recorder();
      await subscribe(uniqueName('order'), seen.handle);
      for (let from = 0; from < 12; from += 4) {
        await bus.publisher.publish(streams.flatMap((stream) => stream.slice(from, from + 4)));
      }

      await eventually(() => expect(seen.events).toHaveLength(36));
      for (const stream of streams) {
        const arrived = seen.events.filter((event) => event.streamId === stream[0].streamId);
        expect(ids(arrived)).toEqual(ids(stream));
      }
    }, 30_000);

    it('gives every group every event', async () => {
      const sent = [...streamOf('user', 3), ...streamOf('account', 3)];
      const first = recorder();
      const second = recorder();
      await subscribe(uniqueName('first'), first.handle);
      await subscribe(uniqueName('second'), second.handle);
      await bus.publisher.publish(sent);

      await eventually(() => {
        expect(ids(first.events).sort()).toEqual(ids(sent).sort());
        expect(ids(second.events).sort()).toEqual(ids(sent).sort());
      });
    }, 30_000);

    it('hands a batch whose handler threw to it again, and reports the failure', async () => {
      const boom = new Error('projection store unavailable');
      const sent = streamOf('user', 5);
      const seen = recorder((call) => (call === 1 ? boom : undefined));
      await subscribe(uniqueName('retry'), seen.handle);
      await bus.publisher.publish(sent);

      await eventually(() => expect(seen.events).toHaveLength(5));
      expect(ids(seen.events)).toEqual(ids(sent));
      expect(ids(seen.batches[1]).slice(0, seen.batches[0].length)).toEqual(ids(seen.batches[0]));
      expect(bus.reportedErrors).toContain(boom);
    }, 30_000);

    it('continues a group after what it handled when a subscriber closes and another opens', async () => {
      const earlier = streamOf('user', 3);
      const later = streamOf('user', 2, 3).map((event) => ({ ...event, streamId: earlier[0].streamId }));
      const groupId = uniqueName('resume');
      const before = recorder();
      const closing = await subscribe(groupId, before.handle);
      await bus.publisher.publish(earlier);
      await eventually(() => expect(before.events).toHaveLength(3));
      await closing.close();

      await bus.publisher.publish(later);
      const after = recorder();
      await subscribe(groupId, after.handle);
      // One stream, one partition: had the group restarted from the beginning, `earlier` would come first.
      await eventually(() => expect(after.events.length).toBeGreaterThanOrEqual(2));
      expect(ids(after.events)).toEqual(ids(later));
      expect(ids(before.events)).toEqual(ids(earlier));
    }, 30_000);

    it('rejects a call holding an event of an unmapped stream and publishes none of it', async () => {
      const [kept, dropped, next] = streamOf('user', 3);
      const seen = recorder();
      await subscribe(uniqueName('unmapped'), seen.handle);
      await expect(bus.publisher.publish([dropped, storedEvent('nowhere-1', 0)])).rejects.toThrow(/no topic/);
      await bus.publisher.publish([kept, next]);

      await eventually(() => expect(seen.events).toHaveLength(2));
      expect(ids(seen.events)).toEqual(ids([kept, next]));
    }, 30_000);
  });
}
