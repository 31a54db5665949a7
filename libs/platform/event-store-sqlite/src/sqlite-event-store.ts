import { type NewEvent, noticeNamesOf, type StoredEvent } from '@gatehouse/contracts';
import {
  AppendNotices,
  type AppendResult,
  assertDistinctAppends,
  checkMultiAppend,
  EventStore,
  type ExpectedVersion,
  InvalidCheckpoint,
  matchRetry,
  type ReadAllOptions,
  type ReadAccountOptions,
  type ReadStreamOptions,
  type Snapshot,
  START,
  type StreamAppend,
  type StreamRead,
  noticeNamesOfAppends,
  WrongExpectedVersion,
} from '@gatehouse/event-store';
import { closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import Sqlite, { type Database } from 'better-sqlite3';
import { GroupCommit } from './group-commit';
import { StreamBounds } from './stream-bounds';
import { ParsedEvents } from './parsed-events';
import { type EventRow, eventRow, prepare } from './sqlite-statements';
import { migrate } from './sqlite-migrations';

export interface SqliteEventStoreOptions {
  /** Database file, created when missing; `:memory:` for a throwaway store. */
  readonly filename: string;
  /** Syncs the write-ahead log to disk: `fdatasync` in the thread pool; a test may hold it to look in between. */
  readonly syncLog?: (fd: number) => Promise<void>;
}

const syncData = promisify(fdatasync);

/**
 * The embedded event store. Appends, multi-stream ones too, run in BEGIN IMMEDIATE transactions, so
 * writers — even in other processes sharing the file — take turns, and a row's global position is also
 * its commit order: the checkpoint is simply that position. The appends asked for in one turn of the event
 * loop share a transaction (group commit), each in a savepoint of its own.
 *
 * Durability: an append is acknowledged only once the write-ahead log holding it is synced to disk, so it
 * survives a process crash and a power cut. The sync runs off the event loop (see GroupCommit): until it
 * is done, `readAll` — what reactions and projections tail — stops short of the unsynced appends, so no
 * email or downstream step ever follows an event a power cut could still take back. `readStream` does
 * show them (a command deciding on one appends after it, and its own sync covers both); see
 * docs/adr/20261203-sqlite-appends-synced-off-the-event-loop.md.
 *
 * Checkpoints and snapshots are saved on a second connection to the file at NORMAL (no
 * fsync of their own): they survive a process crash, and a power cut can only take one back to an older
 * value — a reaction then repeats a batch it has to be idempotent for anyway, a snapshot costs a longer
 * fold — while the events they refer to, committed before them in the same log, are never lost with them.
 */
export class SqliteEventStore extends EventStore {
  private readonly statements: ReturnType<typeof prepare>;
  private readonly notices = new AppendNotices();
  private readonly writes: GroupCommit;
  private readonly parsed = new ParsedEvents();

  /** The newest global position known to be on disk: `readAll`'s limit while a sync is running. */
  private durable: number;

  /** Versions past which the streams lately read or written here hold nothing (see StreamBounds). */
  private readonly bounds: StreamBounds;

  private constructor(
    private readonly db: Database,
    /** Checkpoints and snapshots (see above); the same connection for a store in memory. */
    private readonly derived: Database,
    /** The write-ahead log, open for syncing; none for a store in memory. */
    private readonly wal: number | null,
    private readonly syncLog: (fd: number) => Promise<void>,
  ) {
    super();
    this.statements = prepare(db, derived);
    this.durable = this.statements.lastPosition.get() ?? 0;
    this.bounds = new StreamBounds(this.durable);
    this.writes = new GroupCommit(db, {
      ...(wal !== null && { flush: () => this.sync(wal) }),
      rolledBack: () => this.bounds.rolledBack(),
    });
  }

  static async open(options: SqliteEventStoreOptions): Promise<SqliteEventStore> {
    const db = new Sqlite(options.filename, { timeout: 5000 });
    db.pragma('journal_mode = WAL');
    // NORMAL: commits do not wait for the disk; `sync` does, off the event loop, before any is acknowledged.
    db.pragma('synchronous = NORMAL');
    migrate(db);
    const syncLog = options.syncLog ?? syncData;
    if (db.memory) return new SqliteEventStore(db, db, null, syncLog);
    const derived = new Sqlite(options.filename, { timeout: 5000 });
    derived.pragma('synchronous = NORMAL');
    // An open connection keeps the log file in place (SQLite restarts it from the top, never replaces it).
    const wal = openSync(`${db.name}-wal`, 'r');
    // What an earlier process committed but had not synced when it stopped becomes durable before anyone reads it.
    fdatasyncSync(wal);
    return new SqliteEventStore(db, derived, wal, syncLog);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    const rows: EventRow[] = [];
    const result = await this.writes.run(() =>
      this.appendInTransaction(streamId, events, expectedVersion, rows),
    );
    this.parsed.committed(rows);
    this.notices.notify(events.flatMap(noticeNamesOf));
    return result;
  }

  async appendMulti(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertDistinctAppends(appends);
    const rows: EventRow[] = [];
    const results = await this.writes.run(() => this.appendMultiInTransaction(appends, rows));
    this.parsed.committed(rows);
    this.notices.notify(noticeNamesOfAppends(appends));
    return results;
  }

  /** One process holds the file (embedded mode), so every append is made, and noticed, here. */
  override appendNotices(): AppendNotices {
    return this.notices;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromPosition ?? 0;
    const rows =
      options.maxCount === undefined
        ? this.statements.readStream.all(streamId, from)
        : this.statements.readStreamPage.all(streamId, from, options.maxCount);
    return rows.map((row) => this.parsed.of(row));
  }

  override async readStreams(reads: readonly StreamRead[]): Promise<StoredEvent[][]> {
    this.bounds.check(this.statements.lastPosition.get() ?? 0);
    const streams = reads.map((): StoredEvent[] => []);
    const asked = reads.flatMap((read, index) =>
      this.bounds.mayHaveEvents(read) ? [{ ...read, index }] : [],
    );
    if (asked.length === 1) {
      const [{ streamId, fromPosition, index }] = asked;
      streams[index] = await this.readStream(streamId, { fromPosition });
    } else if (asked.length > 1) {
      const rows = this.statements.readStreams.all(
        JSON.stringify(asked.map(({ streamId, fromPosition }) => [streamId, fromPosition])),
      );
      for (const row of rows) streams[asked[row.ord].index].push(this.parsed.of(row));
    }
    for (const { streamId, fromPosition, index } of asked) {
      const events = streams[index];
      this.bounds.read(
        streamId,
        events.length > 0 ? events[events.length - 1].streamPosition : fromPosition - 1,
      );
    }
    return streams;
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const after = this.position(options.after);
    const upTo = this.writes.awaitingFlush ? this.durable : Number.MAX_SAFE_INTEGER;
    return (
      this.parsed.inOrder(
        after,
        Math.min(upTo, after + options.maxCount, this.statements.lastPosition.get() ?? 0),
      ) ?? this.statements.readAll.all(after, upTo, options.maxCount).map((row) => this.parsed.of(row))
    );
  }

  override async readAccount(accountId: string, options: ReadAccountOptions): Promise<StoredEvent[]> {
    const after = this.position(options.after);
    const upTo = this.writes.awaitingFlush ? this.durable : Number.MAX_SAFE_INTEGER;
    // Every ISO instant sorts after '' and before '~'.
    const [since, until] = [options.since ?? '', options.until ?? '~'];
    return this.statements.readAccount
      .all(accountId, after, upTo, since, until, options.maxCount)
      .map((row) => this.parsed.of(row));
  }

  async loadSnapshot(streamId: string, view: string): Promise<Snapshot | null> {
    return this.statements.loadSnapshot.get(streamId, view) ?? null;
  }

  async saveSnapshot(streamId: string, view: string, snapshot: Snapshot): Promise<void> {
    this.statements.saveSnapshot.run(streamId, view, snapshot.version, snapshot.state);
  }

  async loadCheckpoint(name: string): Promise<string> {
    return this.statements.loadCheckpoint.get(name) ?? START;
  }

  async saveCheckpoint(name: string, checkpoint: string): Promise<void> {
    this.statements.saveCheckpoint.run(name, checkpoint);
  }

  private position(checkpoint: string): number {
    const after = checkpoint === START ? 0 : Number(checkpoint);
    if (!Number.isSafeInteger(after) || after < 0) throw new InvalidCheckpoint(checkpoint, 'SQLite');
    return after;
  }

  async close(): Promise<void> {
    await this.writes.drained();
    if (this.wal !== null) closeSync(this.wal);
    if (this.derived !== this.db) this.derived.close();
    this.db.close();
  }

  /** Syncs every commit so far, then moves the durable position to the newest of them. */
  private async sync(wal: number): Promise<void> {
    const upTo = this.statements.lastPosition.get() ?? 0;
    await this.syncLog(wal);
    this.durable = upTo;
  }

  private appendInTransaction(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
    rows: EventRow[],
  ): AppendResult {
    const version = this.statements.version.get(streamId) ?? -1;
    const stored = events.map((event) => this.statements.storedAt.get(event.eventId));
    const retry = matchRetry(streamId, expectedVersion, stored);
    if (retry === 'conflict') throw new WrongExpectedVersion(streamId, expectedVersion, version);
    if (retry) return retry;
    if (expectedVersion !== 'any' && expectedVersion !== version) {
      throw new WrongExpectedVersion(streamId, expectedVersion, version);
    }
    return this.write(streamId, events, version, rows);
  }

  private appendMultiInTransaction(appends: readonly StreamAppend[], rows: EventRow[]): AppendResult[] {
    const found = appends.map(({ streamId, events }) => ({
      version: this.statements.version.get(streamId) ?? -1,
      stored: events.map((event) => this.statements.storedAt.get(event.eventId)),
    }));
    return (
      checkMultiAppend(appends, found) ??
      appends.map(({ streamId, events }, index) => this.write(streamId, events, found[index].version, rows))
    );
  }

  /** Inserts after `version`, which the caller checked within the same transaction; adds the rows to `rows`. */
  private write(
    streamId: string,
    events: readonly NewEvent[],
    version: number,
    rows: EventRow[],
  ): AppendResult {
    let last = { nextExpectedVersion: version, checkpoint: START };
    for (const [index, event] of events.entries()) {
      const position = version + 1 + index;
      const traceparent = event.traceparent ?? null;
      const data = JSON.stringify(event.data);
      const { lastInsertRowid } = this.statements.insert.run({
        ...event,
        streamId,
        streamPosition: position,
        traceparent,
        data,
      });
      const at = Number(lastInsertRowid);
      this.bounds.appended(streamId, position, at);
      rows.push(eventRow(event, { streamId, position, at, traceparent, data }));
      last = { nextExpectedVersion: position, checkpoint: String(lastInsertRowid) };
    }
    return last;
  }
}
