import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A database file in WAL mode, as embedded mode keeps one, for checks of how an adapter commits. */
export interface SqliteWalFile {
  readonly db: Database.Database;
  /** The pages `work` appended to the write-ahead log: every commit appends each page it changed. */
  loggedPages(work: () => Promise<unknown>): Promise<number>;
  remove(): void;
}

export function sqliteWalFile(): SqliteWalFile {
  const dir = mkdtempSync(join(tmpdir(), 'gh-sqlite-'));
  const db = new Database(join(dir, 'embedded.db'));
  db.pragma('journal_mode = WAL');
  return {
    db,
    async loggedPages(work) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      await work();
      const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
      return log;
    },
    remove() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
