import {
  DEAD_LETTER_COLUMNS,
  type DeadLetter,
  type DeadLetterRow,
  deadLetterValues,
  DeliveryLog,
} from '@gatehouse/notifications';
import type { Database } from 'better-sqlite3';
import DataLoader from 'dataloader';

type LetterRow = DeadLetterRow<number, string, number>;

/** The delivery log in two tables of the embedded database file (never published). */
export class SqliteDeliveryLog extends DeliveryLog {
  // Prepared once: preparing costs more than running these statements, and each email runs several.
  private readonly statements: ReturnType<typeof prepare>;

  /**
   * The keys recorded in one turn of the event loop, committed as one transaction: the messages a
   * reaction sends at once are recorded together, and a commit a message cost as much as the rest of its
   * record (embedded create_user profile at C=16).
   */
  private readonly sentRecords = new DataLoader<string, void>((keys) => this.recordAll(keys), {
    cache: false,
    maxBatchSize: 500,
  });

  constructor(db: Database) {
    super();
    db.exec(`CREATE TABLE IF NOT EXISTS gh_sent_messages (key TEXT PRIMARY KEY, sent_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS gh_dead_letters (key TEXT PRIMARY KEY, reaction TEXT NOT NULL,
        stream_id TEXT NOT NULL, stream_position INTEGER NOT NULL, template TEXT NOT NULL,
        attempts INTEGER NOT NULL, reason TEXT NOT NULL, parked_at TEXT NOT NULL,
        retry_requested INTEGER NOT NULL)`);
    this.statements = prepare(db);
  }

  async wasSent(key: string): Promise<boolean> {
    return this.statements.wasSent.get(key) !== undefined;
  }

  recordSent(key: string): Promise<void> {
    return this.sentRecords.load(key);
  }

  async park(letter: DeadLetter): Promise<void> {
    this.statements.park
      // SQLite has no boolean: 1 and 0.
      .run(...deadLetterValues(letter).map((value) => (typeof value === 'boolean' ? Number(value) : value)));
  }

  async deadLetters(): Promise<DeadLetter[]> {
    return this.statements.deadLetters.all().map(letterOf);
  }

  async requestRetry(key: string): Promise<boolean> {
    return this.statements.requestRetry.run(key).changes > 0;
  }

  async retriesRequested(reaction: string): Promise<DeadLetter[]> {
    return this.statements.retriesRequested.all(reaction).map(letterOf);
  }

  private async recordAll(keys: readonly string[]): Promise<void[]> {
    this.statements.recordAll(keys, new Date().toISOString());
    return keys.map(() => undefined);
  }
}

function prepare(db: Database) {
  const unpark = db.prepare<[string]>('DELETE FROM gh_dead_letters WHERE key = ?');
  const recordSent = db.prepare<[string, string]>(
    'INSERT INTO gh_sent_messages (key, sent_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING',
  );
  return {
    wasSent: db.prepare<[string]>('SELECT 1 FROM gh_sent_messages WHERE key = ?'),
    recordAll: db.transaction((keys: readonly string[], sentAt: string) => {
      for (const key of keys) {
        unpark.run(key);
        recordSent.run(key, sentAt);
      }
    }),
    park: db.prepare<unknown[]>(
      `INSERT INTO gh_dead_letters (${DEAD_LETTER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET attempts = excluded.attempts, reason = excluded.reason,
         parked_at = excluded.parked_at, retry_requested = excluded.retry_requested`,
    ),
    deadLetters: db.prepare<[], LetterRow>(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM gh_dead_letters ORDER BY parked_at, key`,
    ),
    requestRetry: db.prepare<[string]>('UPDATE gh_dead_letters SET retry_requested = 1 WHERE key = ?'),
    retriesRequested: db.prepare<[string], LetterRow>(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM gh_dead_letters WHERE reaction = ? AND retry_requested = 1 ORDER BY parked_at, key`,
    ),
  };
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
