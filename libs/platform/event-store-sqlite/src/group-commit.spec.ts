import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite, { type Database } from 'better-sqlite3';
import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  let folder: string;
  let db: Database;
  let other: Database;
  let writes: GroupCommit;
  const rows = (from: Database) => from.prepare('SELECT name FROM t ORDER BY name').pluck().all();
  const insert = (name: string) => () => db.prepare('INSERT INTO t (name) VALUES (?)').run(name).changes;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'gatehouse-group-commit-'));
    db = new Sqlite(join(folder, 'file.db'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (name TEXT PRIMARY KEY)');
    other = new Sqlite(join(folder, 'file.db'));
    writes = new GroupCommit(db);
  });

  afterEach(() => {
    other.close();
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('commits the writes asked for in one turn together: none is seen by another connection before all ran', async () => {
    const seenByOther: unknown[][] = [];
    const answers = await Promise.all([
      writes.run(insert('a')),
      writes.run(() => {
        seenByOther.push(rows(other));
        return insert('b')();
      }),
    ]);
    expect(answers).toEqual([1, 1]);
    expect(seenByOther).toEqual([[]]);
    expect(rows(other)).toEqual(['a', 'b']);
  });

  it('rolls back a write that throws, and only that one', async () => {
    const outcomes = await Promise.allSettled([
      writes.run(insert('a')),
      writes.run(() => {
        insert('b')();
        throw new Error('refused');
      }),
      writes.run(insert('a')),
      writes.run(insert('c')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(rows(other)).toEqual(['a', 'c']);
  });

  it('fails the whole batch when a write ends the transaction', async () => {
    const outcomes = await Promise.allSettled([
      writes.run(insert('a')),
      writes.run(() => {
        db.exec('ROLLBACK');
        throw new Error('disk I/O error');
      }),
      writes.run(insert('c')),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(rows(other)).toEqual([]);
  });

  it('answers a write only once it is committed', async () => {
    const written = writes.run(insert('a'));
    expect(rows(other)).toEqual([]);
    await written;
    expect(rows(other)).toEqual(['a']);
  });

  it('fails every write of a batch whose commit fails', async () => {
    other.prepare('BEGIN IMMEDIATE').run();
    const third = new Sqlite(join(folder, 'file.db'), { timeout: 0 });
    const busy = new GroupCommit(third);
    const outcomes = await Promise.allSettled([busy.run(() => 1), busy.run(() => 2)]);
    other.prepare('ROLLBACK').run();
    third.close();
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('tells of each write rolled back, and of a batch that could not commit', async () => {
    const rolledBack = jest.fn();
    const told = new GroupCommit(db, { rolledBack });
    await Promise.allSettled([
      told.run(insert('a')),
      told.run(() => {
        throw new Error('refused');
      }),
    ]);
    expect(rolledBack).toHaveBeenCalledTimes(1);

    other.prepare('BEGIN IMMEDIATE').run();
    const third = new Sqlite(join(folder, 'file.db'), { timeout: 0 });
    const busy = new GroupCommit(third, { rolledBack });
    await Promise.allSettled([busy.run(() => 1)]);
    other.prepare('ROLLBACK').run();
    third.close();
    expect(rolledBack).toHaveBeenCalledTimes(2);
  });

  describe('with a flush', () => {
    /** A flush that ends when the test says so; counts how often it ran. */
    function heldFlush() {
      const held: { runs: number; release?: () => void; fail?: (error: Error) => void } = { runs: 0 };
      const flush = () =>
        new Promise<void>((resolve, reject) => {
          held.runs++;
          held.release = resolve;
          held.fail = reject;
        });
      return { held, flush };
    }
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it('answers a committed write only once a flush has run after its commit', async () => {
      const { held, flush } = heldFlush();
      const flushed = new GroupCommit(db, { flush });
      let answered = false;
      const written = flushed.run(insert('a')).then(() => (answered = true));
      await turn();
      await turn();
      expect(rows(other)).toEqual(['a']);
      expect({ answered, awaitingFlush: flushed.awaitingFlush }).toEqual({
        answered: false,
        awaitingFlush: true,
      });
      held.release?.();
      await written;
      expect(flushed.awaitingFlush).toBe(false);
    });

    it('covers the batches committed during a flush with one more flush', async () => {
      const { held, flush } = heldFlush();
      const flushed = new GroupCommit(db, { flush });
      const first = flushed.run(insert('a'));
      await turn();
      const later = [flushed.run(insert('b'))];
      await turn();
      later.push(flushed.run(insert('c')));
      await turn();
      expect(held.runs).toBe(1);
      held.release?.();
      await first;
      await turn();
      expect(held.runs).toBe(2);
      held.release?.();
      expect(await Promise.all(later)).toEqual([1, 1]);
    });

    it('is drained only once the running flush has ended', async () => {
      const { held, flush } = heldFlush();
      const flushed = new GroupCommit(db, { flush });
      const written = flushed.run(insert('a'));
      await turn();
      let drained = false;
      const draining = flushed.drained().then(() => (drained = true));
      await turn();
      expect(drained).toBe(false);
      held.release?.();
      await Promise.all([written, draining]);
      expect(drained).toBe(true);
    });

    it('fails the writes a failed flush covered, and every write after it', async () => {
      const { held, flush } = heldFlush();
      const flushed = new GroupCommit(db, { flush });
      const written = flushed.run(insert('a'));
      await turn();
      held.fail?.(new Error('EIO'));
      await expect(written).rejects.toThrow('EIO');
      await expect(flushed.run(insert('b'))).rejects.toThrow('EIO');
      expect(rows(other)).toEqual(['a']);
    });
  });
});
