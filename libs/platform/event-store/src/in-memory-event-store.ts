import { type NewEvent, noticeNamesOf, type StoredEvent } from '@gatehouse/contracts';
import { AppendNotices } from './append-notices';
import { matchRetry } from './idempotent-retry';
import { assertDistinctAppends, checkMultiAppend } from './multi-append';
import {
  type AppendResult,
  EventStore,
  type ExpectedVersion,
  InvalidCheckpoint,
  type ReadAllOptions,
  type ReadStreamOptions,
  type Snapshot,
  type StreamAppend,
  WrongExpectedVersion,
} from './event-store.port';

/** Reference adapter for unit tests and the contract suite: single process, nothing durable. */
export class InMemoryEventStore extends EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byEventId = new Map<string, StoredEvent>();
  private readonly checkpoints = new Map<string, string>();
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly notices = new AppendNotices();

  override appendNotices(): AppendNotices {
    return this.notices;
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    expectedVersion: ExpectedVersion,
  ): Promise<AppendResult> {
    const actual = this.versionOf(streamId);
    const stored = events.map((event) => this.byEventId.get(event.eventId));
    const retry = matchRetry(streamId, expectedVersion, stored);
    if (retry === 'conflict') throw new WrongExpectedVersion(streamId, expectedVersion, actual);
    if (retry) return retry;
    if (expectedVersion !== 'any' && expectedVersion !== actual) {
      throw new WrongExpectedVersion(streamId, expectedVersion, actual);
    }
    return this.write(streamId, events, actual);
  }

  async appendMulti(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertDistinctAppends(appends);
    const found = appends.map(({ streamId, events }) => ({
      version: this.versionOf(streamId),
      stored: events.map((event) => this.byEventId.get(event.eventId)),
    }));
    return (
      checkMultiAppend(appends, found) ??
      appends.map(({ streamId, events }, index) => this.write(streamId, events, found[index].version))
    );
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const from = options.fromPosition ?? 0;
    const events = (this.streams.get(streamId) ?? []).filter((event) => event.streamPosition >= from);
    return options.maxCount === undefined ? events : events.slice(0, options.maxCount);
  }

  async readAll(options: ReadAllOptions): Promise<StoredEvent[]> {
    const after = options.after === '' ? 0 : Number(options.after);
    if (!Number.isSafeInteger(after) || after < 0) throw new InvalidCheckpoint(options.after, 'in-memory');
    return this.all.slice(after, after + options.maxCount);
  }

  async loadSnapshot(streamId: string, view: string): Promise<Snapshot | null> {
    return this.snapshots.get(`${view}:${streamId}`) ?? null;
  }

  async saveSnapshot(streamId: string, view: string, snapshot: Snapshot): Promise<void> {
    const key = `${view}:${streamId}`;
    if ((this.snapshots.get(key)?.version ?? -1) < snapshot.version) this.snapshots.set(key, snapshot);
  }

  async loadCheckpoint(name: string): Promise<string> {
    return this.checkpoints.get(name) ?? '';
  }

  async saveCheckpoint(name: string, checkpoint: string): Promise<void> {
    this.checkpoints.set(name, checkpoint);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private versionOf(streamId: string): number {
    return (this.streams.get(streamId)?.length ?? 0) - 1;
  }

  /** Appends after `version`, which the caller checked. */
  private write(streamId: string, events: readonly NewEvent[], version: number): AppendResult {
    const appended = events.map((event, index): StoredEvent => {
      const globalPosition = this.all.length + index + 1;
      return {
        ...event,
        streamId,
        streamPosition: version + 1 + index,
        globalPosition,
        checkpoint: String(globalPosition),
      };
    });
    this.all.push(...appended);
    this.streams.set(streamId, [...(this.streams.get(streamId) ?? []), ...appended]);
    for (const event of appended) this.byEventId.set(event.eventId, event);
    if (appended.length > 0) this.notices.notify(appended.flatMap(noticeNamesOf));
    const last = appended[appended.length - 1];
    return {
      nextExpectedVersion: last ? last.streamPosition : version,
      checkpoint: last ? last.checkpoint : '',
    };
  }
}
