import { SecretStore } from '@gatehouse/secrets';
import DataLoader from 'dataloader';
import { Pool } from 'pg';

interface Put {
  readonly key: string;
  readonly value: string;
}

/** Secrets in their own table beside the events (same database, never published). */
export class PostgresSecretStore extends SecretStore {
  /**
   * The values stored in one turn of the event loop, written by one statement: a reaction sending several
   * people's first-password links at once stores a token for each. A key stored twice in one turn keeps
   * the later value, as two puts one after the other would.
   */
  private readonly puts = new DataLoader<Put, void>((puts) => this.putAll(puts), {
    cache: false,
    maxBatchSize: 500,
  });

  private constructor(
    private readonly pool: Pool,
    private readonly table: string,
  ) {
    super();
  }

  /**
   * Creates the table if missing. CREATE … IF NOT EXISTS still fails when two sessions create at once (two
   * instances of a service starting together), so it runs under the event store's migration lock.
   */
  static async open(pool: Pool, schema = 'public'): Promise<PostgresSecretStore> {
    const table = `"${schema.replace(/"/g, '""')}".gh_secrets`;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gatehouse-migrations:${schema}`]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${table} (key text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`,
      );
      await client.query('COMMIT');
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
      throw error;
    }
    return new PostgresSecretStore(pool, table);
  }

  /** A store on a small pool of its own: services that read secrets only now and then. */
  static connect(connectionString: string, schema?: string): Promise<PostgresSecretStore> {
    return PostgresSecretStore.open(new Pool({ connectionString, max: 4 }), schema);
  }

  put(key: string, value: string): Promise<void> {
    return this.puts.load({ key, value });
  }

  async get(key: string): Promise<string | null> {
    const result = await this.pool.query<{ value: string }>(
      `SELECT value FROM ${this.table} WHERE key = $1`,
      [key],
    );
    return result.rows[0]?.value ?? null;
  }

  async delete(key: string): Promise<void> {
    await this.pool.query(`DELETE FROM ${this.table} WHERE key = $1`, [key]);
  }

  private async putAll(puts: readonly Put[]): Promise<void[]> {
    // ON CONFLICT DO UPDATE refuses to touch a row twice in one statement: the last value of a key only.
    const latest = new Map(puts.map(({ key, value }) => [key, value]));
    await this.pool.query(
      `INSERT INTO ${this.table} (key, value) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`,
      [[...latest.keys()], [...latest.values()]],
    );
    return puts.map(() => undefined);
  }
}
