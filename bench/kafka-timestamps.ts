import { Kafka, logLevel } from 'kafkajs';

/**
 * When the relay handed each wanted record to Kafka: the producer stamps every record with its send time
 * (CreateTime). Reads the topic from the start in a throw-away consumer group, deleted afterwards.
 * Returns what it found by `deadlineMs`; records are matched by key (the stream id).
 */
export async function kafkaSendTimes(
  brokers: string[],
  topic: string,
  keys: ReadonlySet<string>,
  deadlineMs = 30_000,
): Promise<Map<string, number>> {
  const kafka = new Kafka({ clientId: 'gatehouse-bench', brokers, logLevel: logLevel.NOTHING });
  const groupId = `${topic}.bench-${process.pid}-${Date.now()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  const found = new Map<string, number>();
  let done: () => void = () => undefined;
  const complete = new Promise<void>((resolve) => (done = resolve));
  const timer = setTimeout(() => done(), deadlineMs);
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          const key = message.key?.toString();
          if (key !== undefined && keys.has(key)) found.set(key, Number(message.timestamp));
        }
        if (found.size >= keys.size) done();
      },
    });
    await complete;
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
  return found;
}
