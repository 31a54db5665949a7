import { type NewEvent, noticeNamesOf, type StoredEvent } from '@gatehouse/contracts';
import {
  type AppendNotices,
  type AppendResult,
  assertDistinctAppends,
  checkMultiAppend,
  EventStore,
  type ExpectedVersion,
  type Lease,
  matchRetry,
  type ReadAllOptions,
  type ReadAccountOptions,
  type ReadStreamOptions,
  type Snapshot,
  START,
  type StoredAt,
  type StreamRead,
  type Tail,
  type TailRead,
  type StreamAppend,
  noticeNamesOfAppends,
  WrongExpectedVersion,
} from '@gatehouse/event-store';
import { DatabaseError, Pool, type QueryConfig } from 'pg';
import { type EventSql, eventSql } from './event-sql';
import {
  type AppendedRow,
  appendResult,
  appendStatement,
  type EventRow,
  type NotStored,
  parseCheckpoint,
  toStoredEvent,
} from './event-rows';
import { PostgresAppendAnnouncer } from './append-announcer';
import { PostgresAppendListener } from './append-listener';
import { migrate } from './migrate';
import { PostgresLeaderLock } from './postgres-leader-lock';
import {
  appendMultiResults,
  appendMultiStatement,
  foundStreams,
  type InspectMultiRow,
  inspectMultiStatement,
  type StreamHeadRow,
} from './multi-append-rows';

export interface PostgresEventStoreOptions {
  readonly connectionString: string;
  /** Schema holding the store's tables; created on open. Default `public`. */
  readonly schema?: string;
  readonly poolSize?: number;
}

const UNIQUE_VIOLATION = '23505';

/** The event store on PostgreSQL: see event-sql.ts for how append and readAll keep their promises. */
export class PostgresEventStore extends EventStore {
  private constructor(
    private readonly pool: Pool,
    private readonly sql: EventSql,
    private readonly listener: PostgresAppendListener,
    private readonly announcer: PostgresAppendAnnouncer,
    private readonly schema: string,
  ) {
    super();
  }

  /** Connects and migrates the schema; safe to call from many instances at once. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'public';
    const pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      // Every statement here is a named prepared one whose best plan does not depend on its parameters;
      // by default PostgreSQL would still re-plan the first executions (and often all of them: unnest
      // makes the generic plan look dearer), which costs an append ~15% of its time.
      options: '-c plan_cache_mode=force_generic_plan',
    });
    // An idle connection that dies (server restart, terminated backend) is dropped by the pool and
    // replaced on the next query; without a listener the 'error' event would crash the process.
    pool.on('error', () => undefined);
    try {
      await migrate(pool, schema);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresEventStore(
      pool,
      eventSql(schema),
      new PostgresAppendListener(options.connectionString, schema),
      new PostgresAppendAnnouncer(options.connectionString, schema),
      schema,
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    // A repeated event id would fail on its unique index on every pass of the loop below.
    assertDistinctAppends([{ streamId, events, expectedVersion }]);
    const statement = appendStatement(this.sql, streamId, events, expectedVersion);
    // Each pass either appends, answers a retry, or rejects; it repeats only when the version it lost to
    // is gone again (the competing transaction rolled back) or an 'any' writer lost a race for a position.
    for (;;) {
      const appended = await this.tryInsert(statement);
      if (appended && appended.length > 0) {
        this.announcer.appended(events.flatMap(noticeNamesOf));
        return appendResult(appended);
      }
      const { version, stored } = await this.inspect(streamId, events);
      const retry = matchRetry(streamId, expectedVersion, stored);
      if (retry === 'conflict') throw new WrongExpectedVersion(streamId, expectedVersion, version);
      if (retry) return retry;
      if (expectedVersion !== 'any' && expectedVersion !== version) {
        throw new WrongExpectedVersion(streamId, expectedVersion, version);
      }
      if (events.length === 0) return { nextExpectedVersion: version, checkpoint: START };
    }
  }

  /** One statement when every stream is at its version (see event-sql.ts), one inspection when not. */
  async appendMulti(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertDistinctAppends(appends);
    const statement = appendMultiStatement(this.sql, appends);
    // Repeats, as append does, only when nothing decided the call: every stream is at its expected
    // version again and no event is stored (a competitor rolled back, or an 'any' writer lost a race).
    for (;;) {
      const heads = await this.tryInsert<StreamHeadRow>(statement);
      const results = heads && appendMultiResults(appends, heads);
      if (results) {
        this.announcer.appended(noticeNamesOfAppends(appends));
        return results;
      }
      const { rows } = await this.pool.query<InspectMultiRow>(inspectMultiStatement(this.sql, appends));
      const retried = checkMultiAppend(appends, foundStreams(appends, rows[0]));
      if (retried) return retried;
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'gh_read_stream',
      text: this.sql.readStream,
      values: [streamId, options.fromPosition ?? 0, options.maxCount ?? null],
    });
    return rows.map(toStoredEvent);
  }

  /** The same statement as readTails, naming no snapshot view. */
  override async readStreams(reads: readonly StreamRead[]): Promise<StoredEvent[][]> {
    return (await this.readTails(reads)).map(({ events }) => events);
  }

  override async readTails(reads: readonly TailRead[]): Promise<Tail[]> {
    if (reads.length === 0) return [];
    const { rows } = await this.pool.query<
      EventRow & { ord: string; snapshot_version: string | null; snapshot_state: string | null }
    >({
      name: 'gh_read_tails',
      text: this.sql.readTails,
      values: [
        reads.map(({ streamId }) => streamId),
        reads.map(({ fromPosition }) => fromPosition),
        reads.map(({ snapshot }) => snapshot ?? null),
      ],
    });
    const tails = reads.map(() => ({ snapshot: null as Snapshot | null, events: [] as StoredEvent[] }));
    for (const row of rows) {
      const tail = tails[Number(row.ord) - 1];
      if (row.snapshot_state !== null)
        tail.snapshot = { version: Number(row.snapshot_version), state: row.snapshot_state };
      if (row.event_id !== null) tail.events.push(toStoredEvent(row));
    }
    return tails;
  }

  /** One statement: both looks of a global read run in the database (migration 6, event-sql.ts). */
  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'gh_read_all',
      text: this.sql.readAll,
      values: [...parseCheckpoint(options.after), options.maxCount],
    });
    return rows.map(toStoredEvent);
  }

  override async readAccount(accountId: string, options: ReadAccountOptions): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>({
      name: 'gh_read_account',
      text: this.sql.readAccount,
      values: [
        accountId,
        ...parseCheckpoint(options.after),
        options.maxCount,
        options.since ?? null,
        options.until ?? null,
      ],
    });
    return rows.map(toStoredEvent);
  }

  async loadSnapshot(streamId: string, view: string): Promise<Snapshot | null> {
    const { rows } = await this.pool.query<{ version: string; state: string }>(this.sql.loadSnapshot, [
      streamId,
      view,
    ]);
    return rows[0] ? { version: Number(rows[0].version), state: rows[0].state } : null;
  }

  async saveSnapshot(streamId: string, view: string, snapshot: Snapshot): Promise<void> {
    await this.pool.query(this.sql.saveSnapshot, [streamId, view, snapshot.version, snapshot.state]);
  }

  async loadCheckpoint(name: string): Promise<string> {
    const { rows } = await this.pool.query<{ checkpoint: string }>(this.sql.loadCheckpoint, [name]);
    return rows[0]?.checkpoint ?? START;
  }

  async saveCheckpoint(name: string, checkpoint: string): Promise<void> {
    await this.pool.query(this.sql.saveCheckpoint, [name, checkpoint]);
  }

  override appendNotices(): AppendNotices | null {
    return this.listener.current();
  }

  /** A session advisory lock per schema and name, on a connection of its own (see PostgresLeaderLock). */
  override tryLead(name: string): Promise<Lease | null> {
    return PostgresLeaderLock.tryAcquire(this.pool, `${this.schema}.${name}`);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.announcer.close();
    await this.pool.end();
  }

  /** The statement's rows, or undefined when another write holds one of the positions or event ids. */
  private async tryInsert<Row extends object = AppendedRow>(
    statement: QueryConfig,
  ): Promise<Row[] | undefined> {
    try {
      const { rows } = await this.pool.query<Row>(statement);
      return rows;
    } catch (error) {
      if (error instanceof DatabaseError && error.code === UNIQUE_VIOLATION) return undefined;
      throw error;
    }
  }

  private async inspect(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<{ version: number; stored: (StoredAt | undefined)[] }> {
    const { rows } = await this.pool.query<{ version: string; stored: (StoredAt | NotStored)[] }>({
      name: 'gh_inspect',
      text: this.sql.inspect,
      values: [streamId, events.map((event) => event.eventId)],
    });
    const [{ version, stored }] = rows;
    return {
      version: Number(version),
      stored: stored.map((at) => (at.streamId === null ? undefined : at)),
    };
  }
}
