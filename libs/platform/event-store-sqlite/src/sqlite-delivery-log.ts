import {
  DEAD_LETTER_COLUMNS,
  type DeadLetter,
  type DeadLetterRow,
  deadLetterValues,
  DeliveryLog,
} from '@gatehouse/notifications';
import type { Database } from 'better-sqlite3';

type LetterRow = DeadLetterRow<number, string, number>;

/** The delivery log in two tables of the embedded database file (never published). */
export class SqliteDeliveryLog extends DeliveryLog {
  constructor(private readonly db: Database) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS gh_sent_messages (key TEXT PRIMARY KEY, sent_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS gh_dead_letters (key TEXT PRIMARY KEY, reaction TEXT NOT NULL,
        stream_id TEXT NOT NULL, stream_position INTEGER NOT NULL, template TEXT NOT NULL,
        attempts INTEGER NOT NULL, reason TEXT NOT NULL, parked_at TEXT NOT NULL,
        retry_requested INTEGER NOT NULL)`);
  }

  async wasSent(key: string): Promise<boolean> {
    return this.db.prepare('SELECT 1 FROM gh_sent_messages WHERE key = ?').get(key) !== undefined;
  }

  async recordSent(key: string): Promise<void> {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM gh_dead_letters WHERE key = ?').run(key);
      this.db
        .prepare('INSERT INTO gh_sent_messages (key, sent_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING')
        .run(key, new Date().toISOString());
    })();
  }

  async park(letter: DeadLetter): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO gh_dead_letters (${DEAD_LETTER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET attempts = excluded.attempts, reason = excluded.reason,
           parked_at = excluded.parked_at, retry_requested = excluded.retry_requested`,
      )
      // SQLite has no boolean: 1 and 0.
      .run(...deadLetterValues(letter).map((value) => (typeof value === 'boolean' ? Number(value) : value)));
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const rows = this.db
      .prepare(`SELECT ${DEAD_LETTER_COLUMNS} FROM gh_dead_letters ORDER BY parked_at, key`)
      .all() as LetterRow[];
    return rows.map(letterOf);
  }

  async requestRetry(key: string): Promise<boolean> {
    return (
      this.db.prepare('UPDATE gh_dead_letters SET retry_requested = 1 WHERE key = ?').run(key).changes > 0
    );
  }

  async retriesRequested(reaction: string): Promise<DeadLetter[]> {
    const rows = this.db
      .prepare(
        `SELECT ${DEAD_LETTER_COLUMNS} FROM gh_dead_letters WHERE reaction = ? AND retry_requested = 1 ORDER BY parked_at, key`,
      )
      .all(reaction) as LetterRow[];
    return rows.map(letterOf);
  }
}

const letterOf = (row: LetterRow): DeadLetter => ({
  key: row.key,
  reaction: row.reaction,
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  template: row.template,
  attempts: row.attempts,
  reason: row.reason,
  parkedAt: row.parked_at,
  retryRequested: row.retry_requested === 1,
});
