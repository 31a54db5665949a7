import { SecretStore } from '@gatehouse/secrets';
import type { Database } from 'better-sqlite3';

/** Secrets in their own table of the embedded database file (never published). */
export class SqliteSecretStore extends SecretStore {
  constructor(private readonly db: Database) {
    super();
    db.exec('CREATE TABLE IF NOT EXISTS gh_secrets (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  }

  put(key: string, value: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO gh_secrets (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
    return Promise.resolve();
  }

  get(key: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM gh_secrets WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return Promise.resolve(row?.value ?? null);
  }

  delete(key: string): Promise<void> {
    this.db.prepare('DELETE FROM gh_secrets WHERE key = ?').run(key);
    return Promise.resolve();
  }
}
