import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';

/**
 * The ids (`ce_id`) of every record on `topics` up to their current ends. For audits of what the relay
 * published; holds one id per record in memory (~100 bytes each).
 */
export async function publishedEventIds(kafka: Kafka, topics: readonly string[]): Promise<Set<string>> {
  const ids = new Set<string>();
  await forEachPublished(kafka, topics, ({ eventId }) => ids.add(eventId));
  return ids;
}

export interface PublishedRecord {
  readonly eventId: string;
  /** The record's `ce_subject`. */
  readonly streamId: string;
}

/**
 * Visits every record on `topics` up to their current ends (duplicates included), read by a throwaway
 * consumer group that commits nothing and is deleted afterwards.
 */
export async function forEachPublished(
  kafka: Kafka,
  topics: readonly string[],
  visit: (record: PublishedRecord) => void,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) ends.set(`${topic}:${partition}`, BigInt(high));
      }
    }
    if (ends.size === 0) return;
    const groupId = `gatehouse-audit-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 500 });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [...topics], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        void consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            for (const message of batch.messages) {
              const id = message.headers?.['ce_id'];
              const subject = message.headers?.['ce_subject'];
              if (id !== undefined) visit({ eventId: id.toString(), streamId: String(subject ?? '') });
            }
            const key = `${batch.topic}:${batch.partition}`;
            const end = ends.get(key);
            if (end !== undefined && BigInt(batch.lastOffset()) + 1n >= end) ends.delete(key);
            if (ends.size === 0) resolve();
          },
        });
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
  } finally {
    await admin.disconnect();
  }
}
