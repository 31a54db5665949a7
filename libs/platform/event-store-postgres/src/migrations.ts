import { escapeLiteral } from 'pg';

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
  {
    version: 6,
    name: 'global reads in one round trip',
    // A read of the global order is two looks, the second in a later snapshot than the first (see
    // docs/adr/20261201-global-order-waits-only-for-appenders.md): here both run in one call. Each
    // statement of a volatile function takes a fresh snapshot under READ COMMITTED, which gh_read_all
    // checks, as its proof needs it. gh_read_below is the second look alone, STABLE and plain SQL so the
    // planner inlines it: an index scan of (tx_id, global_position), no sort. Appenders' xids come from
    // pg_locks without their epoch; an in-progress xid is within 2^31 of every other, so the low 32 bits
    // of one in the snapshot name it alone.
    sql: (schema) => `
      CREATE FUNCTION ${schema}.gh_appenders(OUT next xid8, OUT appenders bigint[])
      LANGUAGE sql VOLATILE AS $$
        WITH locks AS MATERIALIZED (
          SELECT pid, locktype, database, relation, mode, granted, transactionid FROM pg_locks
        )
        SELECT pg_snapshot_xmax(pg_current_snapshot()),
          coalesce(array_agg(own.transactionid::text::bigint), '{}')
        FROM locks holder
        JOIN locks own ON own.pid = holder.pid AND own.locktype = 'transactionid'
          AND own.mode = 'ExclusiveLock' AND own.granted
        WHERE holder.locktype = 'relation' AND holder.mode = 'RowExclusiveLock'
          AND holder.relation = ${escapeLiteral(`${schema}.gh_events`)}::regclass
          AND holder.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      $$;
      CREATE FUNCTION ${schema}.gh_read_below(
        after_tx xid8, after_position bigint, max_count int, next xid8, appenders bigint[]
      ) RETURNS SETOF ${schema}.gh_events LANGUAGE sql STABLE AS $$
        SELECT * FROM ${schema}.gh_events
        WHERE (tx_id, global_position) > (after_tx, after_position)
          AND tx_id < coalesce(
            (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
              WHERE x::text::bigint % 4294967296 = ANY(appenders) OR x >= next),
            pg_snapshot_xmax(pg_current_snapshot()))
        ORDER BY tx_id, global_position
        LIMIT max_count
      $$;
      CREATE FUNCTION ${schema}.gh_read_all(after_tx xid8, after_position bigint, max_count int)
      RETURNS SETOF ${schema}.gh_events LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          first record;
        BEGIN
          IF current_setting('transaction_isolation') <> 'read committed' THEN
            RAISE EXCEPTION 'gh_read_all needs READ COMMITTED: its second look must see a later snapshot';
          END IF;
          SELECT * INTO first FROM ${schema}.gh_appenders();
          RETURN QUERY SELECT * FROM ${schema}.gh_read_below(
            after_tx, after_position, max_count, first.next, first.appenders);
        END $$;`,
  },
  {
    version: 7,
    name: "appenders' xids from the process array",
    // Migration 6 named each appender's xid by its transactionid lock, which a backend takes just after
    // its xid is handed out and shown to snapshots: an appender caught in between was not counted and the
    // read went past its events (a relay lost one user's events under load). backend_xid is the xid the
    // process array shows, set when the xid is handed out, so an appender whose xid is older than the
    // first look is named by it. pg_stat_clear_snapshot: backend statuses are cached per transaction.
    // Prepared transactions (no pid) are not appenders: nothing here uses two-phase commit.
    sql: (schema) => `
      CREATE OR REPLACE FUNCTION ${schema}.gh_appenders(OUT next xid8, OUT appenders bigint[])
      LANGUAGE plpgsql VOLATILE AS $$
        BEGIN
          PERFORM pg_stat_clear_snapshot();
          SELECT pg_snapshot_xmax(pg_current_snapshot()),
            coalesce(array_agg(activity.backend_xid::text::bigint)
              FILTER (WHERE activity.backend_xid IS NOT NULL), '{}')
          INTO next, appenders
          FROM pg_locks holder
          CROSS JOIN LATERAL pg_stat_get_activity(holder.pid) activity
          WHERE holder.pid IS NOT NULL AND holder.locktype = 'relation'
            AND holder.mode = 'RowExclusiveLock'
            AND holder.relation = ${escapeLiteral(`${schema}.gh_events`)}::regclass
            AND holder.database = (SELECT oid FROM pg_database WHERE datname = current_database());
        END $$;`,
  },
  {
    version: 8,
    name: 'append notices sent after the append commits',
    // A transaction that notifies takes a database-wide lock at commit and holds it through its WAL flush:
    // migration 3's trigger made every append commit alone. The store now announces appends, with their
    // event types, from a connection of its own once they committed (append-announcer.ts).
    sql: (schema) => `
      DROP TRIGGER gh_events_appended ON ${schema}.gh_events;
      DROP FUNCTION ${schema}.gh_notify_appended();`,
  },
  {
    version: 9,
    name: "an account's events in the global order",
    // Auditors read one account's history page by page in the global order: the index walks it from a
    // checkpoint with no sort (the one by account and global position, never read, goes). The read is
    // readAll's two looks with the account's rows only: a late commit of the account is not skipped.
    sql: (schema) => `
      CREATE INDEX gh_events_account_order ON ${schema}.gh_events (account_id, tx_id, global_position);
      DROP INDEX ${schema}.gh_events_account;
      CREATE FUNCTION ${schema}.gh_read_account(
        account text, after_tx xid8, after_position bigint, max_count int, since timestamptz, until timestamptz
      ) RETURNS SETOF ${schema}.gh_events LANGUAGE plpgsql VOLATILE AS $$
        DECLARE
          first record;
        BEGIN
          IF current_setting('transaction_isolation') <> 'read committed' THEN
            RAISE EXCEPTION 'gh_read_account needs READ COMMITTED: its second look must see a later snapshot';
          END IF;
          SELECT * INTO first FROM ${schema}.gh_appenders();
          RETURN QUERY SELECT * FROM ${schema}.gh_events
            WHERE account_id = account AND (tx_id, global_position) > (after_tx, after_position)
              AND occurred_at >= coalesce(since, '-infinity') AND occurred_at < coalesce(until, 'infinity')
              AND tx_id < coalesce(
                (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) AS x
                  WHERE x::text::bigint % 4294967296 = ANY(first.appenders) OR x >= first.next),
                pg_snapshot_xmax(pg_current_snapshot()))
            ORDER BY tx_id, global_position
            LIMIT max_count;
        END $$;`,
  },
];
