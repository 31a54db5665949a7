import { escapeIdentifier, Pool } from 'pg';
import { migrations } from './migrations';

/**
 * Brings `schema` up to the latest migration. Every instance of every service runs this at start, so it
 * holds a transaction-scoped advisory lock per schema: concurrent starters queue instead of racing on
 * CREATE, and each step commits together with its row in gh_migrations.
 */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  const quoted = escapeIdentifier(schema);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`gatehouse-migrations:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoted}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${quoted}.gh_migrations (
        version int PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${quoted}.gh_migrations`);
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.version))) {
      await client.query(migration.sql(quoted));
      await client.query(`INSERT INTO ${quoted}.gh_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
    client.release();
  } catch (error) {
    // Drop the connection rather than hand a half-open transaction back to the pool.
    client.release(error instanceof Error ? error : true);
    throw error;
  }
}

/**
 * Migrates `schema` on a connection of its own: for a process whose events are elsewhere (KurrentDB) but
 * whose delivery logs are here, in tables these migrations create.
 */
export async function migrateSchema(connectionString: string, schema: string): Promise<void> {
  const pool = new Pool({ connectionString, max: 1 });
  try {
    await migrate(pool, schema);
  } finally {
    await pool.end();
  }
}
