import { testEnv, uniqueName } from '@gatehouse/testing';
import { type Admin, type Consumer, Kafka, logLevel, Partitioners } from 'kafkajs';

// Smoke test of the broker kafka.sh runs, through kafkajs alone: if this fails, suspect the broker or
// the client pairing (Kafka 4 dropped old protocol versions), not Gatehouse code.
const kafka = new Kafka({ clientId: 'kafka-smoke', brokers: testEnv.kafkaBrokers, logLevel: logLevel.ERROR });

async function consumeUntil(consumer: Consumer, topic: string, count: number): Promise<string[]> {
  const seen: string[] = [];
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`saw ${seen.length} of ${count} messages`)), 15_000);
    void consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        seen.push(message.value?.toString() ?? '');
        const next = (BigInt(message.offset) + 1n).toString();
        await consumer.commitOffsets([{ topic, partition, offset: next }]);
        if (seen.length === count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

describe('the local Kafka broker', () => {
  const topic = uniqueName('smoke').replace(/_/g, '-');
  const groupId = uniqueName('smoke-group');
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] });
    await admin.disconnect();
  });

  it('creates topics explicitly, takes idempotent writes and resumes a group from its committed offset', async () => {
    const created = await admin.createTopics({
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    expect(created).toBe(true);
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    expect(metadata.partitions).toHaveLength(3);

    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    // One key keeps every message in one partition, so "only the later ones" is an ordered fact.
    const send = (values: string[]) =>
      producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: 'one-stream', value })) });
    const [first] = await send(['m1', 'm2', 'm3']);
    expect(first.errorCode).toBe(0);

    expect(await consumeUntil(kafka.consumer({ groupId }), topic, 3)).toEqual(['m1', 'm2', 'm3']);
    const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
    const partition = committed.partitions.find((entry) => entry.partition === first.partition);
    expect(partition?.offset).toBe('3');

    await send(['m4', 'm5']);
    await producer.disconnect();
    expect(await consumeUntil(kafka.consumer({ groupId }), topic, 2)).toEqual(['m4', 'm5']);
  }, 60_000);
});
