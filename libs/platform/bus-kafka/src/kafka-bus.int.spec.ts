import { allTopics } from '@gatehouse/contracts';
import { eventBusContract, testEnv, uniqueName } from '@gatehouse/testing';
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
