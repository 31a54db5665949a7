import type { Admin, Kafka } from 'kafkajs';
import { ReadinessCheck } from './readiness';

/**
 * Kafka as a readiness check, and a consumer group's lag (records on its topics it has not committed
 * yet), through one admin connection opened on first use.
 */
export class KafkaOperations extends ReadinessCheck {
  readonly name = 'bus';
  private admin?: Promise<Admin>;

  constructor(
    private readonly kafka: Kafka,
    private readonly group?: { readonly groupId: string; readonly topics: readonly string[] },
  ) {
    super();
  }

  async check(): Promise<{ consumerLag: number } | void> {
    const admin = await this.connected();
    await admin.describeCluster();
    if (this.group) return { consumerLag: await this.consumerLag() };
  }

  /** Sum over the group's partitions of end offset minus committed offset (a never-committed one: all). */
  async consumerLag(): Promise<number> {
    if (!this.group) return 0;
    const admin = await this.connected();
    let lag = 0;
    const committed = await admin.fetchOffsets({
      groupId: this.group.groupId,
      topics: [...this.group.topics],
    });
    for (const { topic, partitions } of committed) {
      const ends = await admin.fetchTopicOffsets(topic);
      for (const { partition, high, low } of ends) {
        const offset = partitions.find((candidate) => candidate.partition === partition)?.offset ?? '-1';
        lag += Number(high) - (Number(offset) < 0 ? Number(low) : Number(offset));
      }
    }
    return lag;
  }

  /** Nest calls this on shutdown when the instance is one of a module's providers. */
  onApplicationShutdown(): Promise<void> {
    return this.close();
  }

  async close(): Promise<void> {
    const admin = this.admin;
    this.admin = undefined;
    if (admin) await (await admin).disconnect();
  }

  private connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }
}
