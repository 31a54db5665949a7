/**
 * The store's schema, one numbered step at a time. A step is never edited once released: change the
 * schema by adding the next one. `schema` arrives already quoted as an identifier.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: (schema: string) => string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'events and checkpoints',
    // tx_id orders readAll: an event is only read once every transaction that started before its own
    // has ended, so a transaction committing late is never skipped (see postgres-event-store.ts).
    sql: (schema) => `
      CREATE TABLE ${schema}.gh_events (
        global_position bigserial PRIMARY KEY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_position bigint NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL,
        account_id text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor text NOT NULL,
        correlation_id text NOT NULL,
        causation_id text,
        data jsonb NOT NULL,
        UNIQUE (stream_id, stream_position)
      );
      CREATE INDEX gh_events_tx_order ON ${schema}.gh_events (tx_id, global_position);
      CREATE INDEX gh_events_account ON ${schema}.gh_events (account_id, global_position);
      CREATE TABLE ${schema}.gh_checkpoints (
        name text PRIMARY KEY,
        checkpoint text NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'trace context of events',
    // Nullable and without a default: adding it rewrites no row, and older events simply have none.
    sql: (schema) => `ALTER TABLE ${schema}.gh_events ADD COLUMN traceparent text;`,
  },
  {
    version: 3,
    name: 'append notices',
    // Readers tailing the store wait for this instead of polling (append-listener.ts). A statement-level
    // trigger: one notice per append statement, sent when its transaction commits, none on rollback.
    sql: (schema) => `
      CREATE FUNCTION ${schema}.gh_notify_appended() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('gh_appended_' || md5(TG_TABLE_SCHEMA), '');
          RETURN NULL;
        END $$;
      CREATE TRIGGER gh_events_appended AFTER INSERT ON ${schema}.gh_events
        FOR EACH STATEMENT EXECUTE FUNCTION ${schema}.gh_notify_appended();`,
  },
  {
    version: 4,
    name: 'delivery log: sent messages and dead letters',
    sql: (schema) => `
      CREATE TABLE ${schema}.gh_sent_messages (
        key text PRIMARY KEY,
        sent_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE ${schema}.gh_dead_letters (
        key text PRIMARY KEY,
        reaction text NOT NULL,
        stream_id text NOT NULL,
        stream_position bigint NOT NULL,
        template text NOT NULL,
        attempts int NOT NULL,
        reason text NOT NULL,
        parked_at timestamptz NOT NULL,
        retry_requested boolean NOT NULL
      );`,
  },
  {
    version: 5,
    name: 'snapshots of long streams',
    // Derived data, never the source of truth: a row may be dropped at any time and is folded again.
    sql: (schema) => `
      CREATE TABLE ${schema}.gh_snapshots (
        stream_id text NOT NULL,
        view text NOT NULL,
        version bigint NOT NULL,
        state text NOT NULL,
        PRIMARY KEY (stream_id, view)
      );`,
  },
];
