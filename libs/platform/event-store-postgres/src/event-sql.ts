import { escapeIdentifier, escapeLiteral } from 'pg';

/** The store's statements for one schema, built once per store and run as named prepared statements. */
export function eventSql(schema: string) {
  const events = `${escapeIdentifier(schema)}.gh_events`;
  const checkpoints = `${escapeIdentifier(schema)}.gh_checkpoints`;
  const snapshots = `${escapeIdentifier(schema)}.gh_snapshots`;
  // No output column is a cast that keeps its source column's name: ORDER BY would sort by the output
  // (text) column, not the indexed xid8 one. The checkpoint is built here, named for what it is.
  const checkpoint = `tx_id::text || ':' || global_position AS checkpoint`;
  const columns = `event_id, stream_id, stream_position, type, schema_version, account_id, occurred_at,
    actor, correlation_id, causation_id, traceparent, data, global_position, ${checkpoint}`;
  const head = `WITH head AS (
    SELECT coalesce(max(stream_position), -1) AS version FROM ${events} WHERE stream_id = $1
  )`;
  const inserted = `event_id, stream_id, stream_position, type, schema_version, account_id, occurred_at, actor,
    correlation_id, causation_id, traceparent, data`;
  const appended = `stream_position, ${checkpoint}`;
  /** Where each id of a uuid[] parameter is stored, as a JSON array in the parameter's order. */
  const storedAt = (ids: string) => `
    (SELECT coalesce(json_agg(json_build_object(
        'streamId', g.stream_id,
        'streamPosition', g.stream_position,
        'checkpoint', g.tx_id::text || ':' || g.global_position) ORDER BY e.ord), '[]')
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS e(event_id, ord)
      LEFT JOIN ${events} g ON g.event_id = e.event_id)`;
  const sequence = escapeLiteral(`${escapeIdentifier(schema)}.gh_events_global_position_seq`);
  // The two multi-stream statements share how events arrive and are numbered, and what they answer.
  /** A multi-append's event columns, one array parameter each, in appendMultiStatement's order. */
  const eventArrays = `stream_ord int, n int, event_id uuid, type text, schema_version int, account_id text,
    occurred_at timestamptz, actor text, correlation_id text, causation_id text, traceparent text, data jsonb`
    .split(',')
    .map((column) => column.trim().split(' '));
  /** A multi-append's events from parameter `first` on, global positions drawn in input order. */
  const numberedFrom = (first: number) => `
        SELECT e.*, nextval(${sequence}) AS global_position
        FROM unnest(${eventArrays.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')})
          WITH ORDINALITY AS e(${eventArrays.map(([name]) => name).join(', ')}, ord)`;
  const eventValues = `e.type, e.schema_version, e.account_id, e.occurred_at, e.actor, e.correlation_id,
          e.causation_id, e.traceparent, e.data`;
  /** Each stream `s` of the call: its version before it, its last new event's checkpoint. */
  const streamHeads = (version: string, streams: string) => `
      SELECT ${version} AS version,
        (SELECT i.tx_id::text || ':' || i.global_position FROM inserted i WHERE i.stream_id = s.stream_id
          ORDER BY i.global_position DESC LIMIT 1) AS checkpoint
      FROM ${streams}
      ORDER BY s.ord`;
  return {
    /**
     * The whole append in one autocommit statement, so the success path costs one round trip: read the
     * stream's version, insert only when it is the expected one ($2 NULL means 'any'), number the new
     * events after it. A concurrent writer of the same version makes this fail on
     * UNIQUE (stream_id, stream_position) once the winner commits. One event (most commands) takes
     * scalar parameters: unnest over arrays costs ~30% more CPU per append under load.
     */
    appendOne: `
      ${head}
      INSERT INTO ${events} (${inserted})
      SELECT $3::uuid, $1, head.version + 1, $4, $5, $6, $7, $8, $9, $10, $11, $12
      FROM head
      WHERE $2::bigint IS NULL OR head.version = $2::bigint
      RETURNING ${appended}`,
    /**
     * The first event of a stream expected not to exist (NO_STREAM): no version to read, position 0. A
     * stream that exists fails on UNIQUE (stream_id, stream_position), as a lost race does, and the
     * adapter inspects it as it does then. Without the head read PostgreSQL served 7-9 % more appends
     * (pgbench, 32 clients, the two statements alternated three times).
     */
    appendFirst: `
      INSERT INTO ${events} (${inserted})
      VALUES ($2::uuid, $1, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      RETURNING ${appended}`,
    appendMany: `
      ${head}
      INSERT INTO ${events} (${inserted})
      SELECT e.event_id, $1, head.version + e.ord, e.type, e.schema_version, e.account_id,
        e.occurred_at, e.actor, e.correlation_id, e.causation_id, e.traceparent, e.data
      FROM head,
        unnest($3::uuid[], $4::text[], $5::int[], $6::text[], $7::timestamptz[], $8::text[], $9::text[],
          $10::text[], $11::text[], $12::jsonb[])
          WITH ORDINALITY AS e(event_id, type, schema_version, account_id, occurred_at, actor,
            correlation_id, causation_id, traceparent, data, ord)
      WHERE $2::bigint IS NULL OR head.version = $2::bigint
      ORDER BY e.ord
      RETURNING ${appended}`,
    /**
     * A multi-stream append in one autocommit statement, as appendOne: read every stream's version
     * ($1 ids, $2 expected, NULL = 'any'), and only when all match number the events ($3 index of the
     * event's stream in $1, $4 its place within that stream, then the columns). Returns each stream's
     * version before the append and its last event's checkpoint. Global positions are drawn in input order
     * (ordinality keeps it), and rows are inserted sorted by stream: two calls taking the same streams in
     * opposite orders then meet on the first shared one, where the later fails, instead of deadlocking.
     */
    appendMulti: `
      WITH streams AS (
        SELECT s.ord, s.stream_id, s.expected,
          (SELECT coalesce(max(stream_position), -1) FROM ${events} WHERE stream_id = s.stream_id) AS version
        FROM unnest($1::text[], $2::bigint[]) WITH ORDINALITY AS s(stream_id, expected, ord)
      ),
      numbered AS (${numberedFrom(3)}
        WHERE NOT EXISTS (SELECT 1 FROM streams WHERE version <> expected)
        ORDER BY e.ord
      ),
      inserted AS (
        INSERT INTO ${events} (global_position, ${inserted})
        SELECT e.global_position, e.event_id, s.stream_id, s.version + e.n, ${eventValues}
        FROM numbered e JOIN streams s ON s.ord = e.stream_ord
        ORDER BY s.stream_id, e.n
        RETURNING stream_id, tx_id, global_position
      )${streamHeads('s.version', 'streams s')}`,
    /**
     * A multi-stream append whose every stream is expected not to exist and gets events (a user's creation:
     * its username reservation and its own stream), as appendFirst: no version to read, each stream's events
     * from position 0 ($1 ids, then appendMulti's event columns). A stream that exists fails on its unique
     * position and is inspected as after a lost race. Without the head reads PostgreSQL served 8-11 % more
     * of these (pgbench, 16 clients, two new streams a call, the statements alternated three times), and
     * through this adapter (16 writers) spent 14-20 % less CPU a call.
     */
    appendMultiFirst: `
      WITH numbered AS (${numberedFrom(2)}
        ORDER BY e.ord
      ),
      inserted AS (
        INSERT INTO ${events} (global_position, ${inserted})
        SELECT e.global_position, e.event_id, ($1::text[])[e.stream_ord], e.n - 1, ${eventValues}
        FROM numbered e
        ORDER BY ($1::text[])[e.stream_ord], e.n
        RETURNING stream_id, tx_id, global_position
      )${streamHeads('-1::bigint', 'unnest($1::text[]) WITH ORDINALITY AS s(stream_id, ord)')}`,
    /** After a failed multi-append: each stream's version, and where each event id is stored, if anywhere. */
    inspectMulti: `
      SELECT
        (SELECT array_agg(
            (SELECT coalesce(max(stream_position), -1) FROM ${events} WHERE stream_id = s.stream_id)
            ORDER BY s.ord)
          FROM unnest($1::text[]) WITH ORDINALITY AS s(stream_id, ord)) AS versions,
        ${storedAt('$2')} AS stored`,
    /** After a failed append: the stream's version, and where each of the event ids is stored, if anywhere. */
    inspect: `
      SELECT
        (SELECT coalesce(max(stream_position), -1) FROM ${events} WHERE stream_id = $1) AS version,
        ${storedAt('$2')} AS stored`,
    readStream: `
      SELECT ${columns} FROM ${events}
      WHERE stream_id = $1 AND stream_position >= $2
      ORDER BY stream_position
      LIMIT $3`,
    /**
     * Several streams' tails in one statement (one round trip, one snapshot): per stream of $1, its events
     * from its position in $2, each an index range scan, rows grouped by the stream's place in $1; a stream
     * starts at its snapshot under the view in $3 (NULL: none) when that one is at or past its position. A stream's first row carries
     * the snapshot; a stream with a snapshot and no events after it has one row without an event.
     */
    readTails: `
      SELECT s.ord, g.version AS snapshot_version,
        CASE WHEN e.stream_position IS NULL OR e.stream_position = g.version + 1 THEN g.state END AS snapshot_state,
        e.*
      FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY AS s(stream_id, from_position, view, ord)
      LEFT JOIN ${snapshots} g ON g.stream_id = s.stream_id AND g.view = s.view AND g.version >= s.from_position
      LEFT JOIN LATERAL (
        SELECT ${columns} FROM ${events}
        WHERE stream_id = s.stream_id AND stream_position >= greatest(s.from_position, g.version + 1)
        ORDER BY stream_position
      ) e ON true
      WHERE e.stream_position IS NOT NULL OR g.version IS NOT NULL
      ORDER BY s.ord, e.stream_position`,
    /**
     * The global order after a checkpoint, below the horizon of transactions still appending, in one
     * round trip: migration 6's gh_read_all, with the first look as migration 7 made it; the two looks are
     * why nothing is skipped (docs/adr/20261201-global-order-waits-only-for-appenders.md and
     * docs/adr/20261202-appenders-named-by-their-process-array-xid.md).
     */
    readAll: `SELECT ${columns} FROM ${escapeIdentifier(schema)}.gh_read_all($1::xid8, $2::bigint, $3::int)`,
    readAccount: `SELECT ${columns} FROM ${escapeIdentifier(schema)}.gh_read_account(
      $1::text, $2::xid8, $3::bigint, $4::int, $5::timestamptz, $6::timestamptz)`,
    loadSnapshot: `SELECT version, state FROM ${snapshots} WHERE stream_id = $1 AND view = $2`,
    saveSnapshot: `
      INSERT INTO ${snapshots} (stream_id, view, version, state) VALUES ($1, $2, $3, $4)
      ON CONFLICT (stream_id, view) DO UPDATE SET version = excluded.version, state = excluded.state
      WHERE ${snapshots}.version < excluded.version`,
    loadCheckpoint: `SELECT checkpoint FROM ${checkpoints} WHERE name = $1`,
    saveCheckpoint: `
      INSERT INTO ${checkpoints} (name, checkpoint) VALUES ($1, $2)
      ON CONFLICT (name) DO UPDATE SET checkpoint = excluded.checkpoint`,
  };
}

export type EventSql = ReturnType<typeof eventSql>;
