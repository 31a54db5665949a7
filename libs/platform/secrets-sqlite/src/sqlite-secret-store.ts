import { SecretStore } from '@gatehouse/secrets';
import type { Database } from 'better-sqlite3';
import DataLoader from 'dataloader';

interface Put {
  readonly key: string;
  readonly value: string;
}

/** Secrets in their own table of the embedded database file (never published). */
export class SqliteSecretStore extends SecretStore {
  // Prepared once: preparing costs more than running these one-row statements.
  private readonly statements: ReturnType<typeof prepare>;

  /**
   * The values stored in one turn of the event loop, committed as one transaction: a reaction sending
   * several people's first-password links at once stores a token for each, and a commit each was 5.7 %
   * of the embedded create_user profile at C=16. In order, so a key stored twice in one turn keeps the
   * later value.
   */
  private readonly puts = new DataLoader<Put, void>((puts) => this.putAll(puts), {
    cache: false,
    maxBatchSize: 500,
  });

  constructor(db: Database) {
    super();
    db.exec('CREATE TABLE IF NOT EXISTS gh_secrets (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    this.statements = prepare(db);
  }

  put(key: string, value: string): Promise<void> {
    return this.puts.load({ key, value });
  }

  get(key: string): Promise<string | null> {
    return Promise.resolve(this.statements.get.get(key) ?? null);
  }

  delete(key: string): Promise<void> {
    this.statements.delete.run(key);
    return Promise.resolve();
  }

  private async putAll(puts: readonly Put[]): Promise<void[]> {
    this.statements.putAll(puts);
    return puts.map(() => undefined);
  }
}

function prepare(db: Database) {
  const put = db.prepare<[string, string]>(
    'INSERT INTO gh_secrets (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
    putAll: db.transaction((puts: readonly Put[]) => {
      for (const { key, value } of puts) put.run(key, value);
    }),
    get: db.prepare<[string], string>('SELECT value FROM gh_secrets WHERE key = ?').pluck(),
    delete: db.prepare<[string]>('DELETE FROM gh_secrets WHERE key = ?'),
  };
}
