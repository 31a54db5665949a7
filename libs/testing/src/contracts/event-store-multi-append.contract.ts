import { type EventStore, NO_STREAM, START, WrongExpectedVersion } from '@gatehouse/event-store';
import {
  eventIds,
  expectWrongVersion,
  newTestEvent,
  newTestEvents,
  readAllUntil,
  TRACEPARENT,
} from './event-store.fixtures';

/**
 * appendMulti as the port promises it; runs inside eventStoreContract, which gives a fresh store per test.
 */
export function multiAppendContract(subject: () => EventStore): void {
  describe('appendMulti', () => {
    let store: EventStore;
    beforeEach(() => {
      store = subject();
    });

    describe('when several streams are appended at once', () => {
      it('writes each new stream from 0 and answers in input order', async () => {
        const appends = [
          { streamId: 'user-1', events: newTestEvents(2), expectedVersion: NO_STREAM },
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'roles-acct', events: newTestEvents(3), expectedVersion: NO_STREAM },
        ];
        const results = await store.appendMulti(appends);
        expect(results.map((result) => result.nextExpectedVersion)).toEqual([1, 0, 2]);
        for (const [index, { streamId, events }] of appends.entries()) {
          const read = await store.readStream(streamId);
          expect(eventIds(read)).toEqual(eventIds(events));
          expect(read.map((event) => event.streamPosition)).toEqual(events.map((_, position) => position));
          expect(read.at(-1)?.checkpoint).toBe(results[index].checkpoint);
        }
      });

      it('appends to a stream after its events and to a new stream in one call', async () => {
        await store.append('roles-acct', newTestEvents(2), NO_STREAM);
        const [roles, user] = [newTestEvents(1), newTestEvents(1)];
        const results = await store.appendMulti([
          { streamId: 'roles-acct', events: roles, expectedVersion: 1 },
          { streamId: 'user-1', events: user, expectedVersion: NO_STREAM },
        ]);
        expect(results.map((result) => result.nextExpectedVersion)).toEqual([2, 0]);
        expect(eventIds(await store.readStream('roles-acct', { fromPosition: 2 }))).toEqual(eventIds(roles));
        expect(eventIds(await store.readStream('user-1'))).toEqual(eventIds(user));
      });

      it('keeps the trace context of the events that have one', async () => {
        await store.appendMulti([
          {
            streamId: 'user-1',
            events: [newTestEvent({ traceparent: TRACEPARENT })],
            expectedVersion: NO_STREAM,
          },
          { streamId: 'roles-acct', events: newTestEvents(1), expectedVersion: NO_STREAM },
        ]);
        expect((await store.readStream('user-1'))[0].traceparent).toBe(TRACEPARENT);
        expect((await store.readStream('roles-acct'))[0]).not.toHaveProperty('traceparent');
      });

      it('puts its events one after another, in input order, in the global order', async () => {
        const multi = [newTestEvents(2), newTestEvents(1), newTestEvents(2)];
        const singles = newTestEvents(10);
        const [results] = await Promise.all([
          store.appendMulti(
            multi.map((events, index) => ({ streamId: `multi-${index}`, events, expectedVersion: 'any' })),
          ),
          ...singles.map((event, index) => store.append(`single-${index}`, [event], NO_STREAM)),
        ]);
        const all = (await readAllUntil(store, START, 15)).events;
        const first = all.findIndex((event) => event.eventId === multi[0][0].eventId);
        const written = all.slice(first, first + 5);
        expect(eventIds(written)).toEqual(eventIds(multi.flat()));
        const positions = written.map((event) => event.globalPosition);
        expect(positions).toEqual([...positions].sort((a, b) => a - b));
        expect(results.map((result) => result.checkpoint)).toEqual(
          [1, 2, 4].map((at) => written[at].checkpoint),
        );
      });
    });

    describe('when a stream is not at its expected version', () => {
      beforeEach(() => store.append('user-1', newTestEvents(2), NO_STREAM));

      it('writes nothing on any stream and names that stream', async () => {
        const call = store.appendMulti([
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: newTestEvents(1), expectedVersion: 0 },
          { streamId: 'roles-acct', events: newTestEvents(2), expectedVersion: NO_STREAM },
        ]);
        await expectWrongVersion(call, { streamId: 'user-1', expected: 0, actual: 1 });
        expect(await store.readStream('username-ada')).toEqual([]);
        expect(await store.readStream('roles-acct')).toEqual([]);
        expect(await store.readStream('user-1')).toHaveLength(2);
        const { checkpoint } = await readAllUntil(store, START, 2);
        expect(await store.readAll({ after: checkpoint, maxCount: 10 })).toEqual([]);
      });

      it('writes nothing when every stream is expected new and one exists', async () => {
        const call = store.appendMulti([
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: newTestEvents(1), expectedVersion: NO_STREAM },
        ]);
        await expectWrongVersion(call, { streamId: 'user-1', expected: NO_STREAM, actual: 1 });
        expect(await store.readStream('username-ada')).toEqual([]);
        expect(await store.readStream('user-1')).toHaveLength(2);
      });

      it('checks the version of a stream given no events, writing nothing to it', async () => {
        const user = newTestEvents(1);
        const results = await store.appendMulti([
          { streamId: 'user-1', events: [], expectedVersion: 1 },
          { streamId: 'user-2', events: user, expectedVersion: NO_STREAM },
        ]);
        const written = await store.readStream('user-2');
        expect(results).toEqual([
          { nextExpectedVersion: 1, checkpoint: START },
          { nextExpectedVersion: 0, checkpoint: written[0].checkpoint },
        ]);
        expect(await store.readStream('user-1')).toHaveLength(2);
        expect(eventIds(written)).toEqual(eventIds(user));
        const stale = store.appendMulti([
          { streamId: 'user-3', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: [], expectedVersion: 0 },
        ]);
        await expectWrongVersion(stale, { streamId: 'user-1', expected: 0, actual: 1 });
        expect(await store.readStream('user-3')).toEqual([]);
      });
    });

    describe('when a call is malformed', () => {
      it('rejects a stream named twice and writes nothing', async () => {
        const call = store.appendMulti([
          { streamId: 'user-1', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: newTestEvents(1), expectedVersion: 0 },
        ]);
        await expect(call).rejects.toThrow(/stream more than once/);
        await expect(call).rejects.not.toBeInstanceOf(WrongExpectedVersion);
        expect(await store.readStream('user-1')).toEqual([]);
      });

      it('rejects an event id given twice and writes nothing', async () => {
        const event = newTestEvent();
        const call = store.appendMulti([
          { streamId: 'user-1', events: [event], expectedVersion: NO_STREAM },
          { streamId: 'user-2', events: [event], expectedVersion: NO_STREAM },
        ]);
        await expect(call).rejects.toThrow(/event id more than once/);
        expect(await store.readStream('user-1')).toEqual([]);
      });
    });

    describe('when a multi-append is retried with the same events', () => {
      it('returns the original results after the streams moved on, storing nothing twice', async () => {
        const appends = [
          { streamId: 'user-1', events: newTestEvents(2), expectedVersion: NO_STREAM },
          { streamId: 'roles-acct', events: [], expectedVersion: NO_STREAM },
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
        ];
        const first = await store.appendMulti(appends);
        await store.append('user-1', newTestEvents(1), 1);
        await store.append('roles-acct', newTestEvents(1), NO_STREAM);
        expect(await store.appendMulti(appends)).toEqual(first);
        expect(await store.readStream('user-1')).toHaveLength(3);
        expect(eventIds(await store.readStream('username-ada'))).toEqual(eventIds(appends[2].events));
        const { checkpoint } = await readAllUntil(store, START, 5);
        expect(await store.readAll({ after: checkpoint, maxCount: 10 })).toEqual([]);
      });

      it('returns the original results of new streams after they moved on, storing nothing twice', async () => {
        const appends = [
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: newTestEvents(2), expectedVersion: NO_STREAM },
        ];
        const first = await store.appendMulti(appends);
        expect(first.map((result) => result.nextExpectedVersion)).toEqual([0, 1]);
        await store.append('user-1', newTestEvents(1), 1);
        expect(await store.appendMulti(appends)).toEqual(first);
        expect(await store.readStream('user-1')).toHaveLength(3);
        expect(eventIds(await store.readStream('username-ada'))).toEqual(eventIds(appends[0].events));
      });

      it('rejects a call whose events are partly stored, naming the stream holding them', async () => {
        const user = newTestEvents(1);
        await store.append('user-1', user, NO_STREAM);
        const call = store.appendMulti([
          { streamId: 'username-ada', events: newTestEvents(1), expectedVersion: NO_STREAM },
          { streamId: 'user-1', events: user, expectedVersion: NO_STREAM },
        ]);
        await expectWrongVersion(call, { streamId: 'user-1', actual: 0 });
        expect(await store.readStream('username-ada')).toEqual([]);
      });
    });

    describe('when multi-append writers race', () => {
      it('lets exactly one of 20 calls sharing a stream version win; the losers write nothing', async () => {
        for (const version of [NO_STREAM, 0]) {
          // Own streams sort before and after the shared one, and it comes first or last in the call.
          const own = Array.from(
            { length: 20 },
            (_, index) => `${index % 3 ? 'user' : 'account'}-${version}-${index}`,
          );
          const calls = own.map((streamId, index) => {
            const appends = [
              { streamId: 'roles-acct', events: newTestEvents(1), expectedVersion: version },
              { streamId, events: newTestEvents(1), expectedVersion: NO_STREAM },
            ];
            return store.appendMulti(index % 2 ? appends : appends.reverse());
          });
          const outcomes = await Promise.allSettled(calls);
          const lost = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
          expect(lost).toHaveLength(19);
          for (const error of lost) {
            expect(error).toBeInstanceOf(WrongExpectedVersion);
            expect(error).toMatchObject({ streamId: 'roles-acct', actual: version + 1 });
          }
          for (const [index, outcome] of outcomes.entries()) {
            expect(await store.readStream(own[index])).toHaveLength(outcome.status === 'fulfilled' ? 1 : 0);
          }
        }
        expect(await store.readStream('roles-acct')).toHaveLength(2);
      });
    });
  });
}
