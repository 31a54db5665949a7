import { EventPublisher } from '@gatehouse/bus';
import { type StoredEvent, topicForStream } from '@gatehouse/contracts';
import { type Kafka, type Message, Partitioners, type Producer } from 'kafkajs';
import { toKafkaMessage } from './codec';

export interface KafkaPublisherOptions {
  /** Goes before every topic name; tests use it to keep their topics apart. */
  readonly topicPrefix?: string;
}

/**
 * Publishes through an idempotent producer with acks from all in-sync replicas, key = stream id (one
 * stream, one partition, one order). Calls run one after another: kafkajs's idempotent producer tracks
 * sequence numbers per partition, and concurrent sends can fail with OUT_OF_ORDER_SEQUENCE_NUMBER or lose
 * records (kafkajs issues 598 and 1005); the relay publishes one batch at a time anyway.
 */
export class KafkaEventPublisher extends EventPublisher {
  private readonly producer: Producer;
  private readonly topicPrefix: string;
  private connected?: Promise<void>;
  private previous: Promise<unknown> = Promise.resolve();

  constructor(kafka: Kafka, options: KafkaPublisherOptions = {}) {
    super();
    this.topicPrefix = options.topicPrefix ?? '';
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  publish(events: readonly StoredEvent[]): Promise<void> {
    const sent = this.previous.then(() => this.send(events));
    // The next call waits for this one to settle; this call's failure still reaches its own caller.
    this.previous = sent.catch(() => undefined);
    return sent;
  }

  async close(): Promise<void> {
    await this.previous;
    await this.producer.disconnect();
  }

  private async send(events: readonly StoredEvent[]): Promise<void> {
    if (events.length === 0) return;
    // Encode everything first: an event of an unmapped stream rejects the call before anything is sent.
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      const topic = this.topicPrefix + topicForStream(event.streamId);
      const messages = byTopic.get(topic) ?? [];
      messages.push(toKafkaMessage(event));
      byTopic.set(topic, messages);
    }
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
  }
}
