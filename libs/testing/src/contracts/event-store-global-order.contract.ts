import { START } from '@gatehouse/event-store';
import {
  eventIds,
  type EventStoreUnderTest,
  type KeyedEvent,
  newTestEvent,
  readAllUntil,
} from './event-store.fixtures';

/** Keys on both sides of every power of ten up to `limit`: 9, 10, 11, 99, 100, 101, … */
export function digitBoundaryKeys(limit: bigint): bigint[] {
  const keys: bigint[] = [];
  for (let power = 10n; power + 1n <= limit; power *= 10n) keys.push(power - 1n, power, power + 1n);
  return keys;
}

const BATCH_SIZES = [1, 2, 3, 7, 1000];

/**
 * The global order as a reader pages through it with checkpoints; runs inside eventStoreContract. Stores
 * that can set their order keys by hand also prove it across digit-length boundaries, where an order
 * compared as text instead of as numbers skips and repeats events.
 */
export function globalOrderContract(subject: () => EventStoreUnderTest, crafted: boolean): void {
  describe('global order', () => {
    describe('when global positions cross 9 → 10, 99 → 100 and 999 → 1000', () => {
      it('reads every event once, in append order, whatever the batch size', async () => {
        const { store } = subject();
        const appended = Array.from({ length: 1002 }, () => newTestEvent());
        for (let start = 0; start < appended.length; start += 50) {
          await store.append(`user-${start}`, appended.slice(start, start + 50), 'any');
        }
        for (const batch of BATCH_SIZES) {
          const read = await readAllUntil(store, START, appended.length, batch);
          expect(eventIds(read.events)).toEqual(eventIds(appended));
          expect(await store.readAll({ after: read.checkpoint, maxCount: 10 })).toEqual([]);
        }
      });
    });

    describe('when a reader tails the order while 16 writers append at once', () => {
      it('reads every event exactly once', async () => {
        const { store } = subject();
        const appended: string[] = [];
        const seen: string[] = [];
        let writing = true;
        // As user creation does: a multi-stream append (a reservation and the new stream) or a plain one.
        const writer = async (writerId: number) => {
          for (let round = 0; round < 60; round++) {
            const [first, second] = [newTestEvent(), newTestEvent()];
            if (round % 2 === 0) {
              await store.appendMulti([
                { streamId: `username-${writerId}-${round}`, events: [first], expectedVersion: -1 },
                { streamId: `user-${writerId}-${round}`, events: [second], expectedVersion: -1 },
              ]);
            } else await store.append(`user-${writerId}-${round}`, [first, second], -1);
            appended.push(first.eventId, second.eventId);
          }
        };
        const tail = async () => {
          let checkpoint = START;
          for (;;) {
            const caughtUp = !writing;
            const page = await store.readAll({ after: checkpoint, maxCount: 7 });
            seen.push(...eventIds(page));
            checkpoint = page.at(-1)?.checkpoint ?? checkpoint;
            if (page.length === 0 && caughtUp) return;
            // A store answering from memory resolves at once: without a turn of the event loop the
            // writers would never run.
            if (page.length === 0) await new Promise((resolve) => setImmediate(resolve));
          }
        };
        const tailing = tail();
        await Promise.all(Array.from({ length: 16 }, (_, writerId) => writer(writerId))).finally(() => {
          writing = false;
        });
        await tailing;
        const read = new Set(seen);
        expect({
          skipped: appended.filter((id) => !read.has(id)).length,
          repeated: seen.length - read.size,
        }).toEqual({ skipped: 0, repeated: 0 });
        expect(read).toEqual(new Set(appended));
      });
    });

    if (!crafted) return;
    describe('when order keys cross digit-length boundaries', () => {
      it('reads every event once, in numeric order of the keys, whatever the batch size', async () => {
        const { store, orderKeys } = subject();
        if (!orderKeys) throw new Error('craftedOrder needs orderKeys');
        const keys = digitBoundaryKeys(await orderKeys.limit());
        expect(keys.length).toBeGreaterThanOrEqual(15); // up to 100,000 at least
        const rows: KeyedEvent[] = keys.map((key) => ({
          key,
          streamId: `user-${key}`,
          event: newTestEvent(),
        }));
        // Inserted backwards, so that neither insertion order nor any other column agrees with the keys.
        await orderKeys.seed([...rows].reverse());
        const expected = rows.map((row) => row.event.eventId);
        let checkpoint = START;
        for (const batch of BATCH_SIZES) {
          const read = await readAllUntil(store, START, rows.length, batch);
          expect(eventIds(read.events)).toEqual(expected);
          expect(await store.readAll({ after: read.checkpoint, maxCount: 10 })).toEqual([]);
          checkpoint = read.checkpoint;
        }
        const later = newTestEvent();
        await store.append('user-later', [later], 'any');
        expect(eventIds((await readAllUntil(store, checkpoint, 1, 1)).events)).toEqual([later.eventId]);
      });
    });
  });
}
