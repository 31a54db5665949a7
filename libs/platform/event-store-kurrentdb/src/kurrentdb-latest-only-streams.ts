import {
  ANY,
  jsonEvent,
  type KurrentDBClient,
  NO_STREAM,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { StreamReads } from './kurrentdb-stream-reads';

/** Streams this process remembers having trimmed: forgetting one costs a metadata write that sets the same. */
const TRIMMED_REMEMBERED = 10_000;

/**
 * Streams of which only the latest event matters (snapshots, checkpoints): each keeps that event alone
 * (`$maxCount` 1), and a save appends at the revision it read, so a concurrent save makes it read again.
 */
export class LatestOnlyStreams {
  private readonly trimmed = new Set<string>();

  constructor(
    private readonly client: KurrentDBClient,
    private readonly reads: StreamReads,
  ) {}

  async load<T>(streamName: string): Promise<T | undefined> {
    return (await this.reads.latest(streamName))?.data as T | undefined;
  }

  /** `judge`: whether what is saved already stands ('keep') or gives way; without it, every save replaces. */
  async save<T extends object>(
    streamName: string,
    type: string,
    data: T,
    judge?: (saved: T) => 'keep' | 'replace',
  ): Promise<void> {
    for (;;) {
      const latest = judge ? await this.reads.latest(streamName) : undefined;
      if (latest && judge?.(latest.data as T) === 'keep') return;
      try {
        await this.client.appendToStream(streamName, [jsonEvent({ type, data: { ...data } as never })], {
          streamState: judge ? (latest?.revision ?? NO_STREAM) : ANY,
        });
        await this.keepLatestOnly(streamName);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
      }
    }
  }

  /** Once per stream and process; the save is done once its event is stored, so a failure here waits. */
  private async keepLatestOnly(streamName: string): Promise<void> {
    if (this.trimmed.has(streamName)) return;
    try {
      await this.client.setStreamMetadata(streamName, { maxCount: 1 });
      if (this.trimmed.size >= TRIMMED_REMEMBERED) this.trimmed.clear();
      this.trimmed.add(streamName);
    } catch {
      // The stream only grows until the metadata is set; a later save tries again.
    }
  }
}
