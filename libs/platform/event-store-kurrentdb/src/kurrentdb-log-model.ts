import { EventEmitter } from 'node:events';
import {
  AppendConsistencyViolationError,
  type AppendStreamState,
  type EventData,
  type KurrentDBClient,
  type Position,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';

interface LogRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly position: Position;
}

interface Check {
  readonly streamName: string;
  readonly expectedState: AppendStreamState;
}

/**
 * A model of a KurrentDB server's log for the adapter's unit tests (the real server runs the same contract
 * where GATEHOUSE_KURRENTDB_URL names one), as its sources and the client's describe it: every event has
 * its own log position (commit = prepare) and the append answers the last one's; an append repeating the
 * ids stored right after its expected revision succeeds with the original answer, one repeating only some
 * is refused; a missing stream throws StreamNotFoundError on read; `$all` reads from a position inclusive
 * and `maxCount` counts the events the filter lets through; `$maxCount` hides older events, not revisions.
 */
export class KurrentDbLogModel {
  private readonly log: LogRecord[] = [];
  private readonly streams = new Map<string, LogRecord[]>();
  private readonly maxCounts = new Map<string, number>();
  private readonly subscriptions = new Set<{ prefixes: string[]; emitter: EventEmitter }>();

  asClient(): KurrentDBClient {
    return this as unknown as KurrentDBClient;
  }

  async appendToStream(streamName: string, events: EventData[], options: { streamState: AppendStreamState }) {
    const stored = this.streams.get(streamName) ?? [];
    const { streamState } = options;
    const from =
      streamState === 'no_stream' ? 0 : typeof streamState === 'bigint' ? Number(streamState) + 1 : -1;
    if (from >= 0 && stored[from]?.id === events[0].id) {
      const repeated = events.every((event, index) => stored[from + index]?.id === event.id);
      if (!repeated) throw this.wrongVersion(streamName, streamState);
      const last = stored[from + events.length - 1];
      return { success: true, nextExpectedRevision: last.revision, position: last.position };
    }
    if (!this.holds(streamName, streamState)) throw this.wrongVersion(streamName, streamState);
    const last = this.write(events.map((record) => ({ streamName, record })));
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  async appendRecords(records: { streamName: string; record: EventData }[], checks: Check[] = []) {
    const failed = checks.filter((check) => !this.holds(check.streamName, check.expectedState));
    if (failed.length > 0)
      throw Object.assign(Object.create(AppendConsistencyViolationError.prototype), {
        violations: failed.map((check) => ({ ...check, actualState: this.current(check.streamName) })),
      });
    const last = this.write(records);
    const heads = new Map(
      records.map(({ streamName }) => [streamName, this.streams.get(streamName)?.at(-1)]),
    );
    return {
      position: last.position.commit,
      responses: [...heads].map(([streamName, head]) => ({ streamName, revision: head?.revision })),
    };
  }

  async *readStream(
    streamName: string,
    options: { fromRevision?: bigint | 'start' | 'end'; direction?: string; maxCount?: number } = {},
  ) {
    const stored = this.visible(streamName);
    if (!stored) throw new StreamNotFoundError(undefined, streamName);
    const { fromRevision = 'start', maxCount = Number.MAX_SAFE_INTEGER } = options;
    const ordered = options.direction === 'backwards' ? [...stored].reverse() : stored;
    const from = fromRevision === 'start' || fromRevision === 'end' ? undefined : fromRevision;
    const backwards = options.direction === 'backwards';
    const selected = ordered.filter(
      (record) => from === undefined || (backwards ? record.revision <= from : record.revision >= from),
    );
    for (const record of selected.slice(0, maxCount)) yield { event: record };
  }

  async *readAll(options: {
    fromPosition?: Position | 'start';
    maxCount?: number;
    filter?: { prefixes?: string[] };
  }) {
    const from = options.fromPosition === 'start' || !options.fromPosition ? undefined : options.fromPosition;
    let count = 0;
    for (const record of this.log) {
      if (from && record.position.commit < from.commit) continue;
      if (!this.passes(record.streamId, options.filter?.prefixes)) continue;
      if (count++ === (options.maxCount ?? Number.MAX_SAFE_INTEGER)) return;
      yield { event: record };
    }
  }

  async setStreamMetadata(streamName: string, metadata: { maxCount: number }) {
    this.maxCounts.set(streamName, metadata.maxCount);
  }

  subscribeToAll(options: { filter?: { prefixes?: string[] } }) {
    const emitter = new EventEmitter();
    const subscription = { prefixes: options.filter?.prefixes ?? [], emitter };
    this.subscriptions.add(subscription);
    setImmediate(() => emitter.emit('confirmation'));
    return Object.assign(emitter, {
      unsubscribe: async () => {
        this.subscriptions.delete(subscription);
      },
    });
  }

  /** Drops every subscription, as a lost connection would: each errors and ends. */
  dropSubscriptions(): void {
    for (const { emitter } of this.subscriptions) emitter.emit('error', new Error('connection lost'));
    this.subscriptions.clear();
  }

  /** A client's end: the model is the server, which outlives it (its subscriptions end by unsubscribe). */
  async dispose() {
    return undefined;
  }

  private write(records: { streamName: string; record: EventData }[]): LogRecord {
    let last: LogRecord | undefined;
    for (const { streamName, record } of records) {
      const stored = this.streams.get(streamName) ?? [];
      const position = BigInt(this.log.length + 1) * 100n;
      last = {
        streamId: streamName,
        id: record.id,
        revision: BigInt(stored.length),
        type: record.type,
        data: JSON.parse(JSON.stringify(record.data)),
        metadata: JSON.parse(JSON.stringify(record.metadata ?? null)),
        position: { commit: position, prepare: position },
      };
      this.log.push(last);
      this.streams.set(streamName, [...stored, last]);
      for (const { prefixes, emitter } of this.subscriptions)
        if (this.passes(streamName, prefixes)) setImmediate(() => emitter.emit('data', { event: last }));
    }
    if (!last) throw new Error('an append of no records');
    return last;
  }

  private visible(streamName: string): LogRecord[] | undefined {
    const stored = this.streams.get(streamName);
    const maxCount = this.maxCounts.get(streamName);
    return stored && maxCount !== undefined ? stored.slice(-maxCount) : stored;
  }

  private current(streamName: string): bigint | 'no_stream' {
    return this.streams.get(streamName)?.at(-1)?.revision ?? 'no_stream';
  }

  private holds(streamName: string, expected: AppendStreamState): boolean {
    const current = this.current(streamName);
    if (expected === 'any') return true;
    if (expected === 'stream_exists') return current !== 'no_stream';
    return current === expected;
  }

  private passes(streamName: string, prefixes: string[] | undefined): boolean {
    return !prefixes?.length || prefixes.some((prefix) => streamName.startsWith(prefix));
  }

  private wrongVersion(streamName: string, expected: AppendStreamState): WrongExpectedVersionError {
    return new WrongExpectedVersionError(undefined, {
      streamName,
      expected,
      current: this.current(streamName),
    });
  }
}
