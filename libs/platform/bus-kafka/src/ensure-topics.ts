import { allTopics } from '@gatehouse/contracts';
import type { Kafka } from 'kafkajs';
import { createTopics } from './create-topics';

/** Every Gatehouse topic, created if missing by whichever process starts first (relay or projections). */
export async function ensureTopics(kafka: Kafka, topicPrefix: string, partitions = 6): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await createTopics(
      admin,
      allTopics.map((topic) => `${topicPrefix}${topic}`),
      { partitions },
    );
  } finally {
    await admin.disconnect();
  }
}
