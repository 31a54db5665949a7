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
  NO_STREAM,
  noticeNamesOfAppends,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Snapshot,
  START,
  type StreamAppend,
  WrongExpectedVersion,
} from '@gatehouse/event-store';
import {
  ANY,
  AppendConsistencyViolationError,
  type AppendStreamState,
  KurrentDBClient,
  NO_STREAM as KURRENT_NO_STREAM,
  START as KURRENT_START,
  STREAM_STATE,
  streamNameFilter,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { LatestOnlyStreams } from './kurrentdb-latest-only-streams';
import { KurrentDbNotices } from './kurrentdb-notices';
import { StreamReads } from './kurrentdb-stream-reads';
import {
  checkpointOf,
  positionOf,
  type Recorded,
  samePosition,
  StreamNames,
  toEventData,
  toStoredEvent,
} from './kurrentdb-records';

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://127.0.0.1:2113?tls=false`. */
  readonly connectionString: string;
  /** Prefix of every stream this store writes (see StreamNames); default `gatehouse`. */
  readonly namespace?: string;
  /**
   * Leadership among the processes sharing the store (see EventStore.tryLead). KurrentDB has no leases,
   * and a deployment on it keeps its secrets in PostgreSQL anyway: PostgresLeaderLock serves.
   */
  readonly tryLead: (name: string) => Promise<Lease | null>;
}

/**
 * The event store on KurrentDB (EventStoreDB's successor): a stream per stream, the server's log as the
 * global order. Optimistic concurrency is the server's; an idempotent retry is judged as the port defines
 * it (matchRetry, checkMultiAppend) from what the streams hold, not from the server's own deduplication.
 * appendMulti needs a server that appends records to several streams atomically with checks of their
 * versions (appendRecords: KurrentDB 26.1 or later); an older one refuses it (UnsupportedError).
 * With `'any'`, a retry is deduplicated only as far as the server's cache of recent ids reaches.
 */
export class KurrentDbEventStore extends EventStore {
  private readonly latestOnly: LatestOnlyStreams;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
    private readonly notices: KurrentDbNotices,
    private readonly reads: StreamReads,
    private readonly lead: (name: string) => Promise<Lease | null>,
  ) {
    super();
    this.latestOnly = new LatestOnlyStreams(client, reads);
  }

  /**
   * Connects and reads once, so an unreachable server (or a malformed connection string) fails here, not at
   * first use. `client`: a model of the server for unit tests (KurrentDbLogModel).
   */
  static async open(
    options: KurrentDbEventStoreOptions,
    client?: KurrentDBClient,
  ): Promise<KurrentDbEventStore> {
    let store: KurrentDbEventStore | undefined;
    try {
      const connected = client ?? KurrentDBClient.connectionString(options.connectionString);
      const names = new StreamNames(options.namespace ?? 'gatehouse');
      store = new KurrentDbEventStore(
        connected,
        names,
        new KurrentDbNotices(connected, names),
        new StreamReads(connected, names),
        options.tryLead,
      );
      await store.loadCheckpoint('open');
      return store;
    } catch (error) {
      await store?.close().catch(() => undefined);
      throw unreachable(options.connectionString, error);
    }
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    assertDistinctAppends([{ streamId, events, expectedVersion }]);
    // Nothing to write: a version check, as appendMulti makes it for a stream with no events.
    if (events.length === 0) return (await this.appendMulti([{ streamId, events, expectedVersion }]))[0];
    try {
      const result = await this.client.appendToStream(this.names.events(streamId), events.map(toEventData), {
        streamState: streamStateOf(expectedVersion),
      });
      this.notices.appended(events.flatMap(noticeNamesOf));
      // The server answers the last event's own log position (a retry's: the original one).
      return result.position
        ? {
            nextExpectedVersion: Number(result.nextExpectedRevision),
            checkpoint: checkpointOf(result.position),
          }
        : await this.lastOf(streamId, result.nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const [found] = await this.reads.inspect([{ streamId, events, expectedVersion }]);
      const retry = matchRetry(streamId, expectedVersion, found.stored);
      if (retry && retry !== 'conflict') return retry;
      throw new WrongExpectedVersion(streamId, expectedVersion, found.version);
    }
  }

  /**
   * One atomic append of every stream's events, in input order, with a check of each stream's version;
   * when a check fails, the streams are read to tell a retry from a conflict (checkMultiAppend).
   */
  async appendMulti(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertDistinctAppends(appends);
    if (appends.every(({ events }) => events.length === 0)) {
      // Nothing to write: the versions are checked by reading, as a refused write's are.
      const found = await this.reads.inspect(appends);
      checkMultiAppend(appends, found);
      return appends.map(({ expectedVersion }, index) => ({
        nextExpectedVersion: expectedVersion === 'any' ? found[index].version : expectedVersion,
        checkpoint: START,
      }));
    }
    for (;;) {
      try {
        const { responses } = await this.client.appendRecords(
          appends.flatMap(({ streamId, events }) =>
            events.map((event) => ({ streamName: this.names.events(streamId), record: toEventData(event) })),
          ),
          appends
            .filter(({ expectedVersion }) => expectedVersion !== 'any')
            .map(({ streamId, expectedVersion }) => ({
              type: STREAM_STATE,
              streamName: this.names.events(streamId),
              expectedState: streamStateOf(expectedVersion),
            })),
        );
        this.notices.appended(noticeNamesOfAppends(appends));
        const revisions = new Map(responses.map(({ streamName, revision }) => [streamName, revision]));
        return await Promise.all(
          appends.map(async ({ streamId, events, expectedVersion }) => {
            const revision = revisions.get(this.names.events(streamId));
            if (events.length > 0 && revision !== undefined) return this.lastOf(streamId, revision);
            // A stream only checked: as PostgreSQL answers it, its version and no checkpoint.
            const version =
              expectedVersion === 'any'
                ? (await this.reads.inspect([{ streamId, events, expectedVersion }]))[0].version
                : expectedVersion;
            return { nextExpectedVersion: version, checkpoint: START };
          }),
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError || error instanceof AppendConsistencyViolationError))
          throw error;
        const retried = checkMultiAppend(appends, await this.reads.inspect(appends));
        if (retried) return retried;
      }
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.reads.read(this.names.events(streamId), BigInt(options.fromPosition ?? 0), options.maxCount);
  }

  /**
   * The namespace's events after the checkpoint. The server filters by the events' prefix; the read
   * filters again, so that a server or client that did not would still give this namespace's events only,
   * reading on past what it dropped.
   */
  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    if (options.maxCount <= 0) return events;
    let from = positionOf(options.after);
    for (;;) {
      // A read starts at its position, inclusive, which it then skips: one more than a page covers it.
      const want = options.maxCount - events.length + 1;
      let seen = 0;
      for await (const { event } of this.client.readAll({
        fromPosition: from ?? KURRENT_START,
        maxCount: want,
        filter: streamNameFilter({ prefixes: [this.names.eventsPrefix] }),
      })) {
        seen++;
        if (!event?.position || (from && samePosition(event.position, from))) continue;
        from = event.position;
        if (!this.names.holds(event.streamId)) continue;
        events.push(toStoredEvent(event as Recorded, this.names));
        if (events.length === options.maxCount) return events;
      }
      if (seen < want) return events;
    }
  }

  loadSnapshot(streamId: string, view: string): Promise<Snapshot | null> {
    return this.latestOnly.load<Snapshot>(this.names.snapshot(streamId, view)).then((saved) => saved ?? null);
  }

  /** Of two saves racing, the older cannot land after the newer (see LatestOnlyStreams.save). */
  saveSnapshot(streamId: string, view: string, snapshot: Snapshot): Promise<void> {
    return this.latestOnly.save(this.names.snapshot(streamId, view), 'SnapshotSaved', snapshot, (saved) =>
      saved.version >= snapshot.version ? 'keep' : 'replace',
    );
  }

  async loadCheckpoint(name: string): Promise<string> {
    return (
      (await this.latestOnly.load<{ checkpoint: string }>(this.names.checkpoint(name)))?.checkpoint ?? START
    );
  }

  saveCheckpoint(name: string, checkpoint: string): Promise<void> {
    return this.latestOnly.save(this.names.checkpoint(name), 'CheckpointSaved', { checkpoint });
  }

  override appendNotices(): AppendNotices | null {
    return this.notices.current();
  }

  override tryLead(name: string): Promise<Lease | null> {
    return this.lead(name);
  }

  async close(): Promise<void> {
    try {
      await this.notices.close();
    } finally {
      await this.client.dispose();
    }
  }

  /** The result of an append whose last event is at `revision`: its checkpoint as a read gives it. */
  private async lastOf(streamId: string, revision: bigint): Promise<AppendResult> {
    const [last] = await this.reads.read(this.names.events(streamId), revision, 1);
    if (!last) throw new Error(`stream ${streamId} has no event at revision ${revision} after appending it`);
    return { nextExpectedVersion: last.streamPosition, checkpoint: last.checkpoint };
  }
}

function streamStateOf(expectedVersion: ExpectedVersion): AppendStreamState {
  if (expectedVersion === 'any') return ANY;
  return expectedVersion === NO_STREAM ? KURRENT_NO_STREAM : BigInt(expectedVersion);
}

/**
 * The error of an open that failed, naming the server without the credentials its connection string may
 * hold (the message is logged): up to the string's last '@', as a password may hold '@', '?' or '#'. The
 * client's error gives only its name: its text and fields may repeat the string, or a piece of it the
 * client took for a host.
 */
function unreachable(connectionString: string, error: unknown): Error {
  const server = connectionString.replace(/\/\/.*@/, '//');
  // The class, as the client names its errors by class (UnavailableError, ParseError, …).
  const reason = typeof error === 'object' && error !== null ? error.constructor.name : typeof error;
  return new Error(`KurrentDB at ${server} did not answer (${reason})`);
}
