import { fdatasync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_STREAM, START } from '@gatehouse/event-store';
import {
  type CraftedOrderKeys,
  eventColumns,
  eventStoreContract,
  eventValues,
  newTestEvent,
} from '@gatehouse/testing';
import Sqlite from 'better-sqlite3';
import { SqliteEventStore } from './sqlite-event-store';

/** A file of its own in a fresh temporary folder, so WAL mode and the migrations run as in production. */
function temporaryFile(): { filename: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'gatehouse-sqlite-'));
  return {
    filename: join(folder, 'events.db'),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** Global positions set by hand, through a second connection to the same file. */
const craftedOrderKeys = (filename: string): CraftedOrderKeys => ({
  limit: async () => 10_000_001n,
  seed: async (rows) => {
    const db = new Sqlite(filename);
    const insert = db.prepare(
      `INSERT INTO gh_events (global_position, ${eventColumns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const { key, streamId, event } of rows) {
        insert.run(key, ...eventValues(streamId, event));
      }
    })();
    db.close();
  },
});

eventStoreContract(
  'SQLite',
  async () => {
    const file = temporaryFile();
    const store = await SqliteEventStore.open({ filename: file.filename });
    return {
      store,
      orderKeys: craftedOrderKeys(file.filename),
      cleanup: async () => {
        await store.close();
        file.remove();
      },
    };
  },
  { craftedOrder: true },
);

describe('SQLite event store file', () => {
  const file = temporaryFile();
  afterAll(() => file.remove());

  describe('when reopened', () => {
    it('still holds the events, positions and checkpoints written before', async () => {
      const events = [newTestEvent(), newTestEvent()];
      const first = await SqliteEventStore.open({ filename: file.filename });
      const result = await first.append('user-1', events, NO_STREAM);
      await first.saveCheckpoint('relay', result.checkpoint);
      const written = await first.readAll({ after: START, maxCount: 10 });
      await first.close();

      const reopened = await SqliteEventStore.open({ filename: file.filename });
      expect(await reopened.readAll({ after: START, maxCount: 10 })).toEqual(written);
      expect(await reopened.loadCheckpoint('relay')).toBe(result.checkpoint);
      await expect(reopened.append('user-1', [newTestEvent()], NO_STREAM)).rejects.toMatchObject({
        actual: 1,
      });
      expect((await reopened.append('user-1', [newTestEvent()], 1)).nextExpectedVersion).toBe(2);
      await reopened.close();
    });
  });

  describe('while an append waits for its sync', () => {
    it('is not answered, and the global order stops short of it, until the log is synced', async () => {
      const folder = temporaryFile();
      let release: (() => void) | undefined;
      let holding = false;
      const store = await SqliteEventStore.open({
        filename: folder.filename,
        syncLog: (fd) =>
          holding
            ? new Promise<void>((resolve) => (release = resolve))
            : new Promise<void>((resolve, reject) =>
                fdatasync(fd, (error) => (error ? reject(error) : resolve())),
              ),
      });
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      holding = true;
      let answered = false;
      const second = store.append('user-1', [newTestEvent()], 0).then(() => (answered = true));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(answered).toBe(false);
      expect(await store.readStream('user-1')).toHaveLength(2);
      expect(await store.readAll({ after: START, maxCount: 10 })).toHaveLength(1);
      release?.();
      await second;
      expect(await store.readAll({ after: START, maxCount: 10 })).toHaveLength(2);
      await store.close();
      folder.remove();
    });
  });

  describe('reading streams past what it knows of them', () => {
    let folder: { filename: string; remove(): void };
    let store: SqliteEventStore;
    /** Another process sharing the file. */
    let other: SqliteEventStore;
    const tails = (streamId: string, fromPosition: number) =>
      store.readStreams([{ streamId, fromPosition }]).then(([events]) => events.map((e) => e.streamPosition));

    beforeEach(async () => {
      folder = temporaryFile();
      store = await SqliteEventStore.open({ filename: folder.filename });
      other = await SqliteEventStore.open({ filename: folder.filename });
    });
    afterEach(async () => {
      await other.close();
      await store.close();
      folder.remove();
    });

    it('asks the file nothing for streams it has read or written since', async () => {
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      await store.readStreams([{ streamId: 'user-2', fromPosition: 0 }]);
      // The statements are private; spying on them is the only outside view of a read not made.
      const statements = (store as unknown as { statements: Record<string, { all: () => unknown }> })
        .statements;
      const reads = [
        jest.spyOn(statements['readStream'], 'all'),
        jest.spyOn(statements['readStreams'], 'all'),
      ];

      expect(
        await store.readStreams([
          { streamId: 'user-1', fromPosition: 1 },
          { streamId: 'user-2', fromPosition: 0 },
        ]),
      ).toEqual([[], []]);
      expect(reads.map((read) => read.mock.calls.length)).toEqual([0, 0]);
      expect(await tails('user-1', 0)).toEqual([0]);
      expect(reads.map((read) => read.mock.calls.length)).toEqual([1, 0]);
    });

    it('sees what another connection appended to a stream it knew', async () => {
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      expect(await tails('user-1', 1)).toEqual([]);
      await other.append('user-1', [newTestEvent()], 0);
      expect(await tails('user-1', 1)).toEqual([1]);
    });

    it('sees it when its own append came after the other connection’s', async () => {
      expect(await tails('user-1', 0)).toEqual([]);
      await other.append('user-1', [newTestEvent()], NO_STREAM);
      // This append's position follows the other's, which its bounds do not account for.
      await store.append('user-2', [newTestEvent()], NO_STREAM);
      expect(await tails('user-1', 0)).toEqual([0]);
    });

    it('sees it when the other connection took the position of a write rolled back here', async () => {
      expect(await tails('user-1', 0)).toEqual([]);
      const twice = newTestEvent();
      // The second insert breaks the event id's uniqueness: the first is rolled back with it.
      await expect(store.append('user-2', [twice, twice], NO_STREAM)).rejects.toMatchObject({
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      });
      await other.append('user-1', [newTestEvent()], NO_STREAM);
      expect(await tails('user-1', 0)).toEqual([0]);
    });
  });

  describe('reading the global order past its own appends', () => {
    let folder: { filename: string; remove(): void };
    let store: SqliteEventStore;
    /** Another process sharing the file. */
    let other: SqliteEventStore;
    const ids = (events: readonly { eventId: string }[]) => events.map((event) => event.eventId);
    const readAllStatement = () =>
      // The statements are private; spying on them is the only outside view of a read not made.
      jest.spyOn(
        (store as unknown as { statements: Record<string, { all: () => unknown }> }).statements['readAll'],
        'all',
      );

    beforeEach(async () => {
      folder = temporaryFile();
      store = await SqliteEventStore.open({ filename: folder.filename });
      other = await SqliteEventStore.open({ filename: folder.filename });
    });
    afterEach(async () => {
      jest.restoreAllMocks();
      await other.close();
      await store.close();
      folder.remove();
    });

    it('answers from the events it committed, as the file would, without asking the file', async () => {
      await store.append('user-1', [newTestEvent(), newTestEvent()], NO_STREAM);
      await store.appendMulti([
        { streamId: 'user-2', events: [newTestEvent()], expectedVersion: NO_STREAM },
        { streamId: 'user-3', events: [newTestEvent()], expectedVersion: NO_STREAM },
      ]);
      const read = readAllStatement();

      const tail = await store.readAll({ after: '1', maxCount: 2 });
      expect(await store.readAll({ after: '3', maxCount: 10 })).toHaveLength(1);
      expect(await store.readAll({ after: '4', maxCount: 10 })).toEqual([]);
      expect(read).not.toHaveBeenCalled();
      expect(tail).toEqual(await other.readAll({ after: '1', maxCount: 2 }));
    });

    it('asks the file for what another connection appended in between', async () => {
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      const theirs = await other.append('user-2', [newTestEvent()], NO_STREAM);
      await store.append('user-3', [newTestEvent()], NO_STREAM);
      const read = readAllStatement();

      const all = await store.readAll({ after: START, maxCount: 10 });
      expect(all.map((event) => event.streamId)).toEqual(['user-1', 'user-2', 'user-3']);
      expect(all[1].checkpoint).toBe(theirs.checkpoint);
      expect(read).toHaveBeenCalledTimes(1);
    });

    it('never answers with a write rolled back, whose position another connection took', async () => {
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      const twice = newTestEvent();
      // The second insert breaks the event id's uniqueness: the first is rolled back with it.
      await expect(store.append('user-2', [twice, twice], NO_STREAM)).rejects.toMatchObject({
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      });
      const theirs = newTestEvent();
      await other.append('user-3', [theirs], NO_STREAM);

      expect(ids(await store.readAll({ after: '1', maxCount: 10 }))).toEqual([theirs.eventId]);
    });
  });

  describe('when opened in memory', () => {
    it('works without a file', async () => {
      const store = await SqliteEventStore.open({ filename: ':memory:' });
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      expect(await store.readStream('user-1')).toHaveLength(1);
      await store.close();
    });
  });
});
