import { type EventStore, NO_STREAM } from '@gatehouse/event-store';
import { eventIds, newTestEvents } from './event-store.fixtures';

/**
 * readStreams as the port promises it; runs inside eventStoreContract, which gives a fresh store per test.
 */
export function readStreamsContract(subject: () => EventStore): void {
  describe('readStreams', () => {
    let store: EventStore;
    beforeEach(() => {
      store = subject();
    });

    describe('when several streams are read at once', () => {
      it('answers each read with its stream from its position, in input order', async () => {
        const [user, roles] = [newTestEvents(3), newTestEvents(2)];
        await store.append('user-1', user, NO_STREAM);
        await store.append('roles-acct', roles, NO_STREAM);
        const read = await store.readStreams([
          { streamId: 'roles-acct', fromPosition: 0 },
          { streamId: 'user-1', fromPosition: 1 },
        ]);
        expect(read.map(eventIds)).toEqual([eventIds(roles), eventIds(user.slice(1))]);
        expect(read[1].map((event) => event.streamPosition)).toEqual([1, 2]);
        expect(read[1][0]).toEqual((await store.readStream('user-1', { fromPosition: 1 }))[0]);
      });

      it('answers an unknown stream and a read past the end with no events', async () => {
        await store.append('user-1', newTestEvents(2), NO_STREAM);
        const read = await store.readStreams([
          { streamId: 'user-2', fromPosition: 0 },
          { streamId: 'user-1', fromPosition: 2 },
        ]);
        expect(read).toEqual([[], []]);
      });

      it('answers a stream read twice from different positions once per read', async () => {
        const user = newTestEvents(3);
        await store.append('user-1', user, NO_STREAM);
        const read = await store.readStreams([
          { streamId: 'user-1', fromPosition: 2 },
          { streamId: 'user-1', fromPosition: 0 },
        ]);
        expect(read.map(eventIds)).toEqual([eventIds(user.slice(2)), eventIds(user)]);
      });

      it('keeps each stream in stream order when the streams were appended in turns', async () => {
        const [user, roles] = [newTestEvents(3), newTestEvents(3)];
        for (const index of [0, 1, 2]) {
          await store.append('user-1', [user[index]], index - 1);
          await store.append('roles-acct', [roles[index]], index - 1);
        }
        const read = await store.readStreams([
          { streamId: 'user-1', fromPosition: 0 },
          { streamId: 'user-2', fromPosition: 0 },
          { streamId: 'roles-acct', fromPosition: 1 },
        ]);
        expect(read.map(eventIds)).toEqual([eventIds(user), [], eventIds(roles.slice(1))]);
      });

      it('reads stream ids with quotes, backslashes and letters outside ASCII as they are', async () => {
        const ids = ['user-"1"', 'roles\\acct', 'zoë-😀', 'user-1'];
        for (const id of ids.slice(0, 3)) await store.append(id, newTestEvents(1), NO_STREAM);
        const read = await store.readStreams(ids.map((streamId) => ({ streamId, fromPosition: 0 })));
        expect(read.map((events) => events.map((event) => event.streamId))).toEqual([
          [ids[0]],
          [ids[1]],
          [ids[2]],
          [],
        ]);
      });

      it('answers no reads with nothing', async () => {
        expect(await store.readStreams([])).toEqual([]);
      });
    });

    describe('when reads may start at a snapshot (readTails)', () => {
      it('starts a read at its newest snapshot under the view, with only the events after it', async () => {
        const user = newTestEvents(5);
        await store.append('user-1', user, NO_STREAM);
        await store.saveSnapshot('user-1', 'view.1', { version: 2, state: '{"n":3}' });
        await store.saveSnapshot('user-1', 'view.2', { version: 4, state: '{"n":5}' });
        const [tail] = await store.readTails([{ streamId: 'user-1', fromPosition: 0, snapshot: 'view.1' }]);
        expect(tail.snapshot).toEqual({ version: 2, state: '{"n":3}' });
        expect(eventIds(tail.events)).toEqual(eventIds(user.slice(3)));
      });

      it('answers a snapshot with no events after it, and reads without one as readStreams does', async () => {
        const [user, roles] = [newTestEvents(3), newTestEvents(2)];
        await store.append('user-1', user, NO_STREAM);
        await store.append('roles-acct', roles, NO_STREAM);
        await store.saveSnapshot('user-1', 'view.1', { version: 2, state: '{"n":3}' });
        const tails = await store.readTails([
          { streamId: 'roles-acct', fromPosition: 1 },
          { streamId: 'user-1', fromPosition: 0, snapshot: 'view.1' },
          { streamId: 'user-2', fromPosition: 0, snapshot: 'view.1' },
          { streamId: 'user-1', fromPosition: 1 },
        ]);
        expect(tails.map(({ snapshot }) => snapshot)).toEqual([
          null,
          { version: 2, state: '{"n":3}' },
          null,
          null,
        ]);
        expect(tails.map(({ events }) => eventIds(events))).toEqual([
          eventIds(roles.slice(1)),
          [],
          [],
          eventIds(user.slice(1)),
        ]);
      });

      it('passes over a snapshot older than the position asked for', async () => {
        const user = newTestEvents(4);
        await store.append('user-1', user, NO_STREAM);
        await store.saveSnapshot('user-1', 'view.1', { version: 1, state: '{"n":2}' });
        const [tail] = await store.readTails([{ streamId: 'user-1', fromPosition: 3, snapshot: 'view.1' }]);
        expect(tail).toEqual({
          snapshot: null,
          events: await store.readStream('user-1', { fromPosition: 3 }),
        });
      });
    });
  });
}
