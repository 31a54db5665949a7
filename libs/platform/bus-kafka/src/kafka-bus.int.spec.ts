import { allTopics, type StoredEvent, topicForStream } from '@gatehouse/contracts';
import { eventBusContract, testEnv, uniqueName } from '@gatehouse/testing';
import { v7 as uuidv7 } from 'uuid';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { createTopics } from './create-topics';
import { KafkaEventPublisher } from './kafka-event-publisher';
import { KafkaEventSubscriber } from './kafka-event-subscriber';

const kafka = new Kafka({
  clientId: 'bus-contract',
  brokers: testEnv.kafkaBrokers,
  logLevel: logLevel.ERROR,
});
let admin: Admin;

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterAll(() => admin.disconnect());

// Every test gets its own topics (a unique prefix) and so its own partitions and offsets. The contract
// holds whether a subscriber handles one partition at a time or several at once.
const kafkaBus = (partitionsConsumedConcurrently: number) => async () => {
  const topicPrefix = `${uniqueName('bus').replace(/_/g, '-')}.`;
  const topics = allTopics.map((topic) => topicPrefix + topic);
  await createTopics(admin, topics, { partitions: 3 });
  const reportedErrors: unknown[] = [];
  const publisher = new KafkaEventPublisher(kafka, { topicPrefix });
  const subscriber = new KafkaEventSubscriber(kafka, {
    topicPrefix,
    partitionsConsumedConcurrently,
    onError: (error) => reportedErrors.push(error),
  });
  return {
    publisher,
    subscriber,
    reportedErrors,
    cleanup: async () => {
      await publisher.close();
      await admin.deleteTopics({ topics });
    },
  };
};

eventBusContract('Kafka', kafkaBus(1));
eventBusContract('Kafka (3 partitions handled at once)', kafkaBus(3));

describe('Kafka subscriber commits', () => {
  const event = (streamId: string, streamPosition: number): StoredEvent => ({
    eventId: uuidv7(),
    type: 'ContractChecked',
    schemaVersion: 1,
    streamId,
    streamPosition,
    globalPosition: streamPosition + 1,
    checkpoint: String(streamPosition + 1),
    accountId: 'acct-commits',
    occurredAt: new Date().toISOString(),
    actor: 'user-admin',
    correlationId: uuidv7(),
    causationId: null,
    data: {},
  });

  /** One stream of three events, handled by a new group; the group's committed offset of its partition. */
  async function handledByNewGroup(commitIntervalMs: number) {
    const topicPrefix = `${uniqueName('commits').replace(/_/g, '-')}.`;
    const streamId = `user-${uuidv7()}`;
    const topic = topicPrefix + topicForStream(streamId);
    await createTopics(admin, [topic], { partitions: 1 });
    const publisher = new KafkaEventPublisher(kafka, { topicPrefix });
    const subscriber = new KafkaEventSubscriber(kafka, { topicPrefix, commitIntervalMs });
    const groupId = uniqueName('commits');
    let handled = 0;
    const subscription = await subscriber.subscribe(
      { groupId, topics: [topicForStream(streamId)] },
      async (batch) => {
        handled += batch.length;
      },
    );
    await publisher.publish([0, 1, 2].map((position) => event(streamId, position)));
    await publisher.close();
    while (handled < 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const committed = async () => {
      const [{ partitions }] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return partitions[0].offset;
    };
    return { subscription, committed, cleanup: () => admin.deleteTopics({ topics: [topic] }) };
  }

  it('does not commit each batch, and commits what it handled when it closes', async () => {
    const { subscription, committed, cleanup } = await handledByNewGroup(600_000);
    expect(await committed()).toBe('-1');

    await subscription.close();
    expect(await committed()).toBe('3');
    await cleanup();
  }, 30_000);

  it('commits what it handled once its interval has passed, with no batch after it', async () => {
    const { subscription, committed, cleanup } = await handledByNewGroup(200);
    const deadline = Date.now() + 20_000;
    while ((await committed()) !== '3' && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await committed()).toBe('3');
    await subscription.close();
    await cleanup();
  }, 30_000);
});
