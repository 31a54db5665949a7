import { SecretStore } from '@gatehouse/secrets';
import type { Database } from 'better-sqlite3';

/** Secrets in their own table of the embedded database file (never published). */
export class SqliteSecretStore extends SecretStore {
  // Prepared once: preparing costs more than running these one-row statements.
  private readonly statements: ReturnType<typeof prepare>;

  constructor(db: Database) {
    super();
    db.exec('CREATE TABLE IF NOT EXISTS gh_secrets (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.statements = prepare(db);
  }

  put(key: string, value: string): Promise<void> {
    this.statements.put.run(key, value);
    return Promise.resolve();
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.statements.get.get(key) ?? null);
  }

  delete(key: string): Promise<void> {
    this.statements.delete.run(key);
    return Promise.resolve();
  }
}

function prepare(db: Database) {
  return {
    put: db.prepare<[string, string]>(
      'INSERT INTO gh_secrets (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    get: db.prepare<[string], string>('SELECT value FROM gh_secrets WHERE key = ?').pluck(),
    delete: db.prepare<[string]>('DELETE FROM gh_secrets WHERE key = ?'),
  };
}
