import type { NewEvent, StoredEvent } from '@gatehouse/contracts';
import type { AppendNotices } from './append-notices';

/**
 * The version a writer expects the stream to be at: the stream position of its last event,
 * `NO_STREAM` (-1) when it must not exist yet, or `'any'` to skip the check.
 */
export type ExpectedVersion = number | 'any';
export const NO_STREAM = -1;

/** The checkpoint before the first event of the global order. */
export const START = '';

/** A checkpoint this store never gave (edited, or another store's): readers answer it as bad input. */
export class InvalidCheckpoint extends Error {
  constructor(checkpoint: string, store: string) {
    super(`not a ${store} event store checkpoint: '${checkpoint}'`);
    this.name = 'InvalidCheckpoint';
  }
}

export interface AppendResult {
  /** Stream position of the last appended event: the expected version for the next append. */
  readonly nextExpectedVersion: number;
  readonly checkpoint: string;
}

/** One stream's share of a multi-stream append. */
export interface StreamAppend {
  readonly streamId: string;
  /** Empty: only check the stream's version, write nothing to it. */
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
}

export interface ReadStreamOptions {
  /** First stream position to return (inclusive); default 0. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

/** One stream's share of a multi-stream read: its events from `fromPosition` (inclusive) on. */
export interface StreamRead {
  readonly streamId: string;
  readonly fromPosition: number;
}

/** A stream's state as a named view folded it up to `version` (a stream position), as JSON. */
export interface Snapshot {
  readonly version: number;
  readonly state: string;
}

/** A StreamRead that may start at a snapshot: the newest one saved under the view `snapshot`. */
export interface TailRead extends StreamRead {
  readonly snapshot?: string;
}

/** A TailRead's answer: the snapshot it started at (null for none) and the events after it. */
export interface Tail {
  readonly snapshot: Snapshot | null;
  readonly events: StoredEvent[];
}

export interface ReadAllOptions {
  /** Return events after this checkpoint; `START` for the beginning. */
  readonly after: string;
  readonly maxCount: number;
}

/** readAccount's page: the account's events after `after`, those that occurred in [since, until) only. */
export interface ReadAccountOptions extends ReadAllOptions {
  /** An instant as `Date.prototype.toISOString` writes it; absent: from the account's first event. */
  readonly since?: string;
  /** As `since`, excluded; absent: up to the newest event. */
  readonly until?: string;
}

/** How many events the fallback readAccount reads of the global order at a time. */
const ACCOUNT_SCAN_PAGE = 1000;

/**
 * Port of the source of truth. Adapters guarantee:
 * - append is atomic and checks `expectedVersion`; exactly one of concurrent writers of one version wins,
 *   the others get `WrongExpectedVersion`;
 * - appending events whose ids are already stored, at the same positions, is a no-op returning the
 *   original result (idempotent retry after a lost acknowledgement);
 * - readAll returns events in one stable total order and never returns an event after one that
 *   follows it (a transaction committing late is not skipped);
 * - appendMulti writes several streams all or nothing, in one transaction: when any stream is not at its
 *   expected version nothing is written and `WrongExpectedVersion` names that stream; its events follow
 *   one another in the global order, in input order; an exact retry returns the original results;
 * - saveSnapshot keeps the latest version per stream and view: an older one saved later changes nothing.
 */
export abstract class EventStore {
  abstract append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult>;
  /**
   * Appends to each stream at its expected version, atomically; results in input order. A stream may
   * appear once per call and an event id once (a plain Error otherwise).
   */
  abstract appendMulti(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * Several streams, each from its own position, in one call: per read (input order) its events in stream
   * order. A store that can reads them in one round trip and one snapshot; this fallback reads each alone.
   */
  readStreams(reads: readonly StreamRead[]): Promise<StoredEvent[][]> {
    return Promise.all(
      reads.map(({ streamId, fromPosition }) => this.readStream(streamId, { fromPosition })),
    );
  }
  /**
   * readStreams where a read may name a snapshot view: when the stream has a snapshot under it at or past
   * `fromPosition`, the answer carries it and the events after it. A store that can reads them in one round
   * trip; this fallback loads the snapshots, then reads the events. A snapshot that cannot be loaded is
   * none (it is derived data: it costs only a longer fold).
   */
  async readTails(reads: readonly TailRead[]): Promise<Tail[]> {
    const snapshots = await Promise.all(
      reads.map(async ({ streamId, fromPosition, snapshot }) => {
        const saved = snapshot ? await this.loadSnapshot(streamId, snapshot).catch(() => null) : null;
        return saved && saved.version >= fromPosition ? saved : null;
      }),
    );
    const events = await this.readStreams(
      reads.map(({ streamId, fromPosition }, index) => ({
        streamId,
        fromPosition: Math.max(fromPosition, (snapshots[index]?.version ?? -1) + 1),
      })),
    );
    return reads.map((_, index) => ({ snapshot: snapshots[index], events: events[index] }));
  }
  abstract readAll(options: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * One account's events in the global order, as readAll keeps it (a late commit is not skipped), for
   * auditors: at most `maxCount` of those after `after` that occurred in [since, until). The next page
   * starts after the last event's checkpoint. This fallback reads the whole global order; a store with an
   * index by account overrides it.
   */
  async readAccount(accountId: string, options: ReadAccountOptions): Promise<StoredEvent[]> {
    const found: StoredEvent[] = [];
    const within = (event: StoredEvent) =>
      event.accountId === accountId &&
      (options.since === undefined || event.occurredAt >= options.since) &&
      (options.until === undefined || event.occurredAt < options.until);
    let after = options.after;
    for (;;) {
      const page = await this.readAll({ after, maxCount: ACCOUNT_SCAN_PAGE });
      for (const event of page) {
        if (!within(event)) continue;
        found.push(event);
        if (found.length === options.maxCount) return found;
      }
      if (page.length < ACCOUNT_SCAN_PAGE) return found;
      after = page[page.length - 1].checkpoint;
    }
  }
  /** The newest snapshot saved of a stream under a view's name, or null. */
  abstract loadSnapshot(streamId: string, view: string): Promise<Snapshot | null>;
  abstract saveSnapshot(streamId: string, view: string, snapshot: Snapshot): Promise<void>;
  /** Durable named checkpoints for relays and other tailing readers. */
  abstract loadCheckpoint(name: string): Promise<string>;
  abstract saveCheckpoint(name: string, checkpoint: string): Promise<void>;
  abstract close(): Promise<void>;
  /**
   * Notices of appends, for readers tailing the global order (see AppendNotices); null while the adapter
   * cannot give them (not yet listening), and readers then poll.
   */
  appendNotices(): AppendNotices | null {
    return null;
  }

  /**
   * Leadership of `name` among the processes sharing this store, so a singleton (a reaction that sends
   * emails) runs in one of them: a lease when no other process holds it, `null` otherwise. A store that
   * only one process opens (in-memory, SQLite) always grants it; a shared store overrides this.
   */
  async tryLead(_name: string): Promise<Lease | null> {
    return { lost: new AbortController().signal, release: async () => undefined };
  }
}

/** Leadership held until `release`, or until `lost` aborts (the holder must stop acting as leader). */
export interface Lease {
  readonly lost: AbortSignal;
  release(): Promise<void>;
}

export class WrongExpectedVersion extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
  }
}
