import { Kafka, logLevel } from 'kafkajs';
import { testEnv } from './env';

/** A Kafka record as tests inspect it: its topic, body and headers as text. */
export interface KafkaRecordText {
  readonly topic: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Every record of the topics named `<prefix>.…`, read by a consumer group of its own. */
export async function readStackTopics(prefix: string): Promise<KafkaRecordText[]> {
  const kafka = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${prefix}.`));
  const ends = await Promise.all(topics.map((topic) => admin.fetchTopicOffsets(topic)));
  await admin.disconnect();
  const expected = ends
    .flat()
    .reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  const consumer = kafka.consumer({ groupId: `${prefix}-test-reader-${Date.now()}` });
  const records: KafkaRecordText[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    if (expected === 0) resolve();
    void consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers = Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]);
        records.push({ topic, value: message.value?.toString() ?? '', headers: Object.fromEntries(headers) });
        if (records.length >= expected) resolve();
      },
    });
  });
  // Cleared once the records are in: a pending 30 s timer kept the test process alive after the run.
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([done, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
  } finally {
    clearTimeout(timer);
  }
  await consumer.disconnect();
  return records;
}
