import { randomUUID } from 'node:crypto';
import { type EventStore, InMemoryEventStore } from '@gatehouse/event-store';
import { untilAppended } from './until-appended';

const GRANTS = new Set(['RoleToggled']);
const turns = async (count = 5) => {
  for (let n = 0; n < count; n++) await new Promise((resolve) => setImmediate(resolve));
};

describe('waiting until another context appended', () => {
  // Fake timers: the 100 ms fallback and the deadline move only when a test moves them, so what wakes
  // the wait is the notice, never the clock.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  const append = (store: EventStore, type: string) =>
    store.append(
      `s-${randomUUID()}`,
      [
        {
          eventId: randomUUID(),
          type,
          schemaVersion: 1,
          accountId: 'a1',
          occurredAt: '2026-12-04T00:00:00.000Z',
          actor: 'u1',
          correlationId: randomUUID(),
          causationId: null,
          data: {},
        },
      ],
      'any',
    );

  it('asks again on a notice of its types, not on notices of others', async () => {
    const store = new InMemoryEventStore();
    // Another user's grant just before: a reader of the global order would be woken by any notice now.
    await append(store, 'RoleToggled');
    let asked = 0;
    let granted = false;
    const waited = untilAppended(store, GRANTS, async () => (asked++, granted), 10_000);
    await turns();
    expect(asked).toBe(1);
    await append(store, 'UserLoginSucceeded');
    await turns();
    expect(asked).toBe(1);
    granted = true;
    await append(store, 'RoleToggled');
    await expect(waited).resolves.toBe(true);
    expect(asked).toBe(2);
  });

  it('asks again after the fallback when no notice comes, and gives up at the deadline', async () => {
    const store = new InMemoryEventStore();
    let asked = 0;
    let answer: boolean | undefined;
    void untilAppended(store, GRANTS, async () => (asked++, false), 250).then((done) => (answer = done));
    await turns();
    expect(asked).toBe(1);
    await jest.advanceTimersByTimeAsync(100);
    expect(asked).toBe(2);
    await jest.advanceTimersByTimeAsync(200);
    expect([asked, answer]).toEqual([4, false]);
  });

  it('polls, backing off, on a store without notices', async () => {
    const store = new InMemoryEventStore();
    // As the port's default answers (the in-memory store's type says it always has notices).
    jest.spyOn(store, 'appendNotices').mockReturnValue(null as never);
    let asked = 0;
    const waited = untilAppended(store, GRANTS, async () => ++asked === 3, 10_000);
    await turns();
    await jest.advanceTimersByTimeAsync(5);
    expect(asked).toBe(2);
    await jest.advanceTimersByTimeAsync(10);
    await expect(waited).resolves.toBe(true);
  });
});
