import { type AccessRefused, refusalsStreamId } from '@gatehouse/contracts';
import { type EventStore, InMemoryEventStore, StateCache } from '@gatehouse/event-store';
import { REFUSAL_WINDOW_MS } from '@gatehouse/identity-domain';
import type { Clock } from '../session/clock';
import { AccessRefusalRecorder, type Refusal } from './access-refusal-recorder';

const start = Date.parse('2026-12-02T10:00:00.000Z');

class TestClock implements Clock {
  private at = start;
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

const refusal = (overrides: Partial<Refusal> = {}): Refusal => ({
  userId: 'u1',
  accountId: 'a1',
  reason: 'api-key-expired',
  channel: 'api-key',
  ip: '198.51.100.7',
  keyId: 'k1',
  ...overrides,
});

/** A process of its own: its own recorder, state cache and pre-filter, over the shared store. */
const processOver = (store: EventStore, clock: Clock) =>
  new AccessRefusalRecorder(store, new StateCache(store), clock);

async function flood(recorder: AccessRefusalRecorder, times: number, overrides: Partial<Refusal> = {}) {
  for (let n = 0; n < times; n++) recorder.refused(refusal(overrides));
  await recorder.drained();
}

async function stored(store: EventStore, userId = 'u1'): Promise<AccessRefused['data'][]> {
  const events = await store.readStream(refusalsStreamId(userId));
  return events.map((event) => event.data as AccessRefused['data']);
}

/** Every refusal is either a record or counted in one: the records with their counts add up. */
const total = (records: AccessRefused['data'][]) =>
  records.reduce((sum, record) => sum + 1 + record.suppressed, 0);

describe('the access refusal recorder', () => {
  describe('when one user is flooded with refusals', () => {
    it('stores one record a minute and carries the count of the others into the next', async () => {
      const store = new InMemoryEventStore();
      const clock = new TestClock();
      const recorder = processOver(store, clock);
      await flood(recorder, 200);
      expect(await stored(store)).toHaveLength(1);
      clock.advance(REFUSAL_WINDOW_MS);
      await flood(recorder, 1);
      const records = await stored(store);
      expect(records.map((record) => record.suppressed)).toEqual([0, 199]);
      expect(total(records)).toBe(201);
    });

    it('reads the store once per window, not once per refusal', async () => {
      const store = new InMemoryEventStore();
      const reads = jest.spyOn(store, 'readStream');
      await flood(processOver(store, new TestClock()), 200);
      expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
    });

    it('records each reason of its own, and each user of their own', async () => {
      const store = new InMemoryEventStore();
      const recorder = processOver(store, new TestClock());
      await flood(recorder, 3);
      await flood(recorder, 3, { reason: 'outside-safelist' });
      await flood(recorder, 3, { userId: 'u2' });
      expect((await stored(store)).map((record) => record.reason)).toEqual([
        'api-key-expired',
        'outside-safelist',
      ]);
      expect(await stored(store, 'u2')).toHaveLength(1);
    });

    it('stores ids only: the key id, never a credential', async () => {
      const store = new InMemoryEventStore();
      await flood(processOver(store, new TestClock()), 1);
      expect(await stored(store)).toEqual([
        {
          userId: 'u1',
          reason: 'api-key-expired',
          channel: 'api-key',
          protocol: null,
          ip: '198.51.100.7',
          keyId: 'k1',
          sessionId: null,
          at: new Date(start).toISOString(),
          suppressed: 0,
        },
      ]);
    });
  });

  describe('when several processes refuse the same user at once', () => {
    it('stores one record per window between them, and every count in a later record', async () => {
      const store = new InMemoryEventStore();
      const clock = new TestClock();
      const processes = [processOver(store, clock), processOver(store, clock), processOver(store, clock)];
      for (let n = 0; n < 100; n++) for (const recorder of processes) recorder.refused(refusal());
      await Promise.all(processes.map((recorder) => recorder.drained()));
      expect(await stored(store)).toHaveLength(1);
      // A process holds its count until it next records: here each refuses once in a window of its own.
      for (const recorder of processes) {
        clock.advance(REFUSAL_WINDOW_MS);
        await flood(recorder, 1);
      }
      const records = await stored(store);
      expect(records).toHaveLength(1 + processes.length);
      expect(total(records)).toBe(300 + processes.length);
    });
  });

  describe('when the store fails', () => {
    it('never throws, and carries what it could not store into the next record', async () => {
      const store = new InMemoryEventStore();
      const clock = new TestClock();
      const append = jest.spyOn(store, 'append').mockRejectedValueOnce(new Error('store down'));
      const recorder = processOver(store, clock);
      await flood(recorder, 5);
      expect(await stored(store)).toEqual([]);
      clock.advance(REFUSAL_WINDOW_MS);
      await flood(recorder, 1);
      expect((await stored(store)).map((record) => record.suppressed)).toEqual([5]);
      expect(append).toHaveBeenCalledTimes(2);
    });

    it('keeps the count a failed record carried, for the record after it', async () => {
      const store = new InMemoryEventStore();
      const clock = new TestClock();
      const recorder = processOver(store, clock);
      await flood(recorder, 3);
      clock.advance(REFUSAL_WINDOW_MS);
      jest.spyOn(store, 'append').mockRejectedValueOnce(new Error('store down'));
      await flood(recorder, 1);
      clock.advance(REFUSAL_WINDOW_MS);
      await flood(recorder, 1);
      const records = await stored(store);
      expect(records.map((record) => record.suppressed)).toEqual([0, 3]);
      expect(total(records)).toBe(5);
    });
  });
});
