import type { Admin } from 'kafkajs';

export interface CreateTopicsOptions {
  readonly partitions: number;
  /** 1 suits the single local broker; a production cluster wants 3. */
  readonly replicationFactor?: number;
}

/**
 * Creates the topics that do not exist yet (brokers here refuse auto-creation, so topics exist only on
 * purpose) and waits for their leaders. Safe to repeat; returns the names it created. Existing topics
 * are left as they are, whatever their partition count.
 */
export async function createTopics(
  admin: Admin,
  topics: readonly string[],
  options: CreateTopicsOptions,
): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
  if (missing.length === 0) return [];
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({
      topic,
      numPartitions: options.partitions,
      replicationFactor: options.replicationFactor ?? 1,
    })),
  });
  return missing;
}
