import type { Database } from 'better-sqlite3';

/** Numbered schema steps; a released step is never edited, the next one is added instead. */
const migrations: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  {
    version: 1,
    name: 'events and checkpoints',
    // AUTOINCREMENT: a global position is never handed out twice, even after the newest row is gone.
    sql: `
      CREATE TABLE gh_events (
        global_position INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id TEXT NOT NULL UNIQUE,
        stream_id TEXT NOT NULL,
        stream_position INTEGER NOT NULL,
        type TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        account_id TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        actor TEXT NOT NULL,
        correlation_id TEXT NOT NULL,
        causation_id TEXT,
        data TEXT NOT NULL,
        UNIQUE (stream_id, stream_position)
      );
      CREATE INDEX gh_events_account ON gh_events (account_id, global_position);
      CREATE TABLE gh_checkpoints (
        name TEXT PRIMARY KEY,
        checkpoint TEXT NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'trace context of events',
    sql: 'ALTER TABLE gh_events ADD COLUMN traceparent TEXT;',
  },
  {
    version: 3,
    name: 'snapshots of long streams',
    sql: `
      CREATE TABLE gh_snapshots (
        stream_id TEXT NOT NULL,
        view TEXT NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (stream_id, view)
      );`,
  },
];

/** Applies the missing steps in one IMMEDIATE transaction, so two processes opening one file take turns. */
export function migrate(db: Database): void {
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS gh_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`);
    const applied = new Set(
      db
        .prepare('SELECT version FROM gh_migrations')
        .pluck()
        .all()
        .map((version) => Number(version)),
    );
    const record = db.prepare('INSERT INTO gh_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const migration of migrations.filter((candidate) => !applied.has(candidate.version))) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
  }).immediate();
}
