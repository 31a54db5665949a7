import {
  DEAD_LETTER_COLUMNS,
  type DeadLetter,
  type DeadLetterRow,
  deadLetterValues,
  DeliveryLog,
} from '@gatehouse/notifications';
import DataLoader from 'dataloader';
import { escapeIdentifier, Pool } from 'pg';

type LetterRow = DeadLetterRow<string, Date, boolean>;

/** The delivery log in two tables beside the events (same database and schema, never published). */
export class PostgresDeliveryLog extends DeliveryLog {
  /**
   * The keys asked for in one turn of the event loop, looked up in one statement: a reaction sends several
   * people's messages at once, and each asks first. Nothing is cached: a key may be recorded any time.
   */
  private readonly sentKeys = new DataLoader<string, boolean>((keys) => this.whichSent(keys), {
    cache: false,
    maxBatchSize: 500,
  });

  /**
   * The keys recorded in one turn, written by one statement: the messages a reaction sends at once are
   * asked for together (sentKeys), so they are handed over and recorded together too. At 140 creates a
   * second through the distributed stack, a statement a message was a fifth of the users service's.
   */
  private readonly sentRecords = new DataLoader<string, void>((keys) => this.recordAll(keys), {
    cache: false,
    maxBatchSize: 500,
  });

  private constructor(
    private readonly pool: Pool,
    private readonly sent: string,
    private readonly letters: string,
  ) {
    super();
  }

  /** The log in the schema of a store opened before (its migrations create the tables). */
  static open(pool: Pool, schema = 'public'): PostgresDeliveryLog {
    const quoted = escapeIdentifier(schema);
    return new PostgresDeliveryLog(pool, `${quoted}.gh_sent_messages`, `${quoted}.gh_dead_letters`);
  }

  /** A log on a small pool of its own. */
  static connect(connectionString: string, schema?: string): PostgresDeliveryLog {
    return PostgresDeliveryLog.open(new Pool({ connectionString, max: 4 }), schema);
  }

  wasSent(key: string): Promise<boolean> {
    return this.sentKeys.load(key);
  }

  recordSent(key: string): Promise<void> {
    return this.sentRecords.load(key);
  }

  async park(letter: DeadLetter): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.letters} (${DEAD_LETTER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (key) DO UPDATE SET attempts = excluded.attempts, reason = excluded.reason,
         parked_at = excluded.parked_at, retry_requested = excluded.retry_requested`,
      [...deadLetterValues(letter)],
    );
  }

  async deadLetters(): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<LetterRow>(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM ${this.letters} ORDER BY parked_at, key`,
    );
    return rows.map(letterOf);
  }

  async requestRetry(key: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.letters} SET retry_requested = true WHERE key = $1`,
      [key],
    );
    return (rowCount ?? 0) > 0;
  }

  async retriesRequested(reaction: string): Promise<DeadLetter[]> {
    const { rows } = await this.pool.query<LetterRow>(
      `SELECT ${DEAD_LETTER_COLUMNS} FROM ${this.letters} WHERE reaction = $1 AND retry_requested ORDER BY parked_at, key`,
      [reaction],
    );
    return rows.map(letterOf);
  }

  private async recordAll(keys: readonly string[]): Promise<void[]> {
    await this.pool.query(
      `WITH keys AS (SELECT DISTINCT unnest($1::text[]) AS key),
         dropped AS (DELETE FROM ${this.letters} WHERE key IN (SELECT key FROM keys))
       INSERT INTO ${this.sent} (key) SELECT key FROM keys ON CONFLICT (key) DO NOTHING`,
      [keys],
    );
    return keys.map(() => undefined);
  }

  private async whichSent(keys: readonly string[]): Promise<boolean[]> {
    const { rows } = await this.pool.query<{ key: string }>(
      `SELECT key FROM ${this.sent} WHERE key = ANY($1::text[])`,
      [keys],
    );
    const sent = new Set(rows.map((row) => row.key));
    return keys.map((key) => sent.has(key));
  }
}

const letterOf = (row: LetterRow): DeadLetter => ({
  key: row.key,
  reaction: row.reaction,
  streamId: row.stream_id,
  streamPosition: Number(row.stream_position),
  template: row.template,
  attempts: row.attempts,
  reason: row.reason,
  parkedAt: row.parked_at.toISOString(),
  retryRequested: row.retry_requested,
});
