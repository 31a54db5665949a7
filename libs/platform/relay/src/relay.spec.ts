import type { StoredEvent } from '@gatehouse/contracts';
import { EventPublisher } from '@gatehouse/bus';
import { InMemoryEventStore, NO_STREAM } from '@gatehouse/event-store';
import { runRelay } from './relay';

class RecordingPublisher extends EventPublisher {
  readonly published: StoredEvent[] = [];
  failNext = false;

  async publish(events: readonly StoredEvent[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('broker unavailable');
    }
    this.published.push(...events);
  }

  async close(): Promise<void> {
    this.published.length = 0;
  }
}

const event = (n: number) => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type: 'UserCreated',
  schemaVersion: 1,
  accountId: 'a1',
  occurredAt: new Date(0).toISOString(),
  actor: 'test',
  correlationId: 'c',
  causationId: null,
  data: { n },
});

async function relayUntil(store: InMemoryEventStore, publisher: EventPublisher, done: () => boolean) {
  const controller = new AbortController();
  const running = runRelay({
    store,
    publisher,
    checkpointName: 'relay',
    signal: controller.signal,
    pollMs: 1,
  });
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 2));
  controller.abort();
  await running.catch(() => undefined);
}

describe('relay', () => {
  it('publishes every event in global order and commits the checkpoint after the publish', async () => {
    const store = new InMemoryEventStore();
    for (let n = 0; n < 5; n++) await store.append(`user-${n}`, [event(n)], NO_STREAM);
    const publisher = new RecordingPublisher();
    await relayUntil(store, publisher, () => publisher.published.length === 5);
    expect(publisher.published.map((e) => e.data)).toEqual([0, 1, 2, 3, 4].map((n) => ({ n })));
    expect(await store.loadCheckpoint('relay')).toBe(publisher.published[4].checkpoint);
  });

  it('resumes after its checkpoint, so a restart republishes nothing already acknowledged', async () => {
    const store = new InMemoryEventStore();
    await store.append('user-1', [event(1)], NO_STREAM);
    await relayUntil(store, new RecordingPublisher(), () => true);
    const first = new RecordingPublisher();
    await relayUntil(store, first, () => first.published.length === 1);
    await store.append('user-2', [event(2)], NO_STREAM);
    const second = new RecordingPublisher();
    await relayUntil(store, second, () => second.published.length === 1);
    expect(second.published.map((e) => e.data)).toEqual([{ n: 2 }]);
  });

  it('does not move the checkpoint when the publish fails', async () => {
    const store = new InMemoryEventStore();
    await store.append('user-1', [event(1)], NO_STREAM);
    const publisher = new RecordingPublisher();
    publisher.failNext = true;
    const controller = new AbortController();
    await expect(
      runRelay({ store, publisher, checkpointName: 'relay', signal: controller.signal, pollMs: 1 }),
    ).rejects.toThrow('broker unavailable');
    expect(await store.loadCheckpoint('relay')).toBe('');
  });

  it('stops when a checkpoint cannot be saved, leaving the last saved one', async () => {
    const store = new InMemoryEventStore();
    for (let n = 0; n < 3; n++) await store.append(`user-${n}`, [event(n)], NO_STREAM);
    const saved: string[] = [];
    const save = store.saveCheckpoint.bind(store);
    store.saveCheckpoint = async (name, checkpoint) => {
      if (saved.length === 1) throw new Error('store unavailable');
      saved.push(checkpoint);
      await save(name, checkpoint);
    };
    const publisher = new RecordingPublisher();
    const controller = new AbortController();
    await expect(
      runRelay({
        store,
        publisher,
        checkpointName: 'relay',
        signal: controller.signal,
        pollMs: 1,
        batchSize: 1,
      }),
    ).rejects.toThrow('store unavailable');
    // The first batch's checkpoint was saved; the second's failed, and the relay stopped before a fourth.
    expect(saved).toEqual([publisher.published[0].checkpoint]);
    expect(await store.loadCheckpoint('relay')).toBe(publisher.published[0].checkpoint);
    expect(publisher.published.length).toBeLessThanOrEqual(3);
  });
});
