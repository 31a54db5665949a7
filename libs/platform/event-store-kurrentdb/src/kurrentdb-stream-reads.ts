import type { StoredEvent } from '@gatehouse/contracts';
import { NO_STREAM, type StoredAt, type StreamAppend, type StreamFound } from '@gatehouse/event-store';
import { BACKWARDS, END, type KurrentDBClient, StreamNotFoundError } from '@kurrent/kurrentdb-client';
import { type Recorded, type StreamNames, toStoredEvent } from './kurrentdb-records';

/**
 * Reads of single streams: a stream missing is a stream without events. From the leader, as a follower may
 * not yet hold what was just appended, which the store reads back (results, retries, version checks).
 */
export class StreamReads {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly names: StreamNames,
  ) {}

  /** Each stream's version and, for each of its events, where it is stored after the expected version. */
  inspect(appends: readonly StreamAppend[]): Promise<StreamFound[]> {
    return Promise.all(
      appends.map(async ({ streamId, events, expectedVersion }) => {
        const name = this.names.events(streamId);
        const head = await this.latest(name);
        const version = head ? Number(head.revision) : NO_STREAM;
        const from =
          expectedVersion === 'any' ? Math.max(version - events.length + 1, 0) : expectedVersion + 1;
        const window =
          events.length > 0 && version >= from ? await this.read(name, BigInt(from), events.length) : [];
        const byId = new Map<string, StoredAt>(window.map((event) => [event.eventId, event]));
        return { version, stored: events.map((event) => byId.get(event.eventId)) };
      }),
    );
  }

  async read(streamName: string, from: bigint, maxCount?: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(streamName, {
        fromRevision: from,
        maxCount,
        requiresLeader: true,
      })) {
        if (event) events.push(toStoredEvent(event as Recorded, this.names));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  /** A stream's last event, or undefined when it has none. */
  async latest(streamName: string): Promise<{ revision: bigint; data: unknown } | undefined> {
    try {
      for await (const { event } of this.client.readStream(streamName, {
        fromRevision: END,
        direction: BACKWARDS,
        maxCount: 1,
        requiresLeader: true,
      })) {
        if (event) return { revision: event.revision, data: event.data };
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }
}
