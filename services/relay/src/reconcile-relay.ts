import { KafkaEventPublisher, publishedEventIds } from '@gatehouse/bus-kafka';
import { allTopics, type StoredEvent } from '@gatehouse/contracts';
import type { EventStore } from '@gatehouse/event-store';
import { findUnpublished, type UnpublishedReport } from '@gatehouse/relay';
import type { Kafka } from 'kafkajs';

export interface ReconcileOptions {
  readonly store: EventStore;
  readonly kafka: Kafka;
  readonly topicPrefix: string;
  readonly checkpointName: string;
  /** Publish what is missing (at-least-once, as the relay does); otherwise only report it. */
  readonly republish: boolean;
}

export interface ReconcileReport extends UnpublishedReport {
  readonly republished: number;
  /** Streams with a missing event: read models that applied a later event of them need a rebuild. */
  readonly streams: string[];
}

/**
 * Compares what the relay says it published (its checkpoint) with what Kafka holds, and re-publishes the
 * gap. Records past the topics' retention count as missing too; re-publishing them is harmless, as every
 * consumer dedupes by stream position.
 */
export async function reconcileRelay(options: ReconcileOptions): Promise<ReconcileReport> {
  const checkpoint = await options.store.loadCheckpoint(options.checkpointName);
  const topics = allTopics.map((topic) => options.topicPrefix + topic);
  const published = await publishedEventIds(options.kafka, topics);
  const report = await findUnpublished(options.store, checkpoint, (event) => published.has(event.eventId));
  if (options.republish && report.missing.length > 0) {
    const publisher = new KafkaEventPublisher(options.kafka, { topicPrefix: options.topicPrefix });
    try {
      for (let start = 0; start < report.missing.length; start += 500) {
        await publisher.publish(report.missing.slice(start, start + 500));
      }
    } finally {
      await publisher.close();
    }
  }
  return {
    ...report,
    republished: options.republish ? report.missing.length : 0,
    streams: [...new Set(report.missing.map((event: StoredEvent) => event.streamId))],
  };
}
