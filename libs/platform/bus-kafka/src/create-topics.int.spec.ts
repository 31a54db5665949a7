import { testEnv, uniqueName } from '@gatehouse/testing';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { createTopics } from './create-topics';

const kafka = new Kafka({
  clientId: 'create-topics',
  brokers: testEnv.kafkaBrokers,
  logLevel: logLevel.ERROR,
});

describe('createTopics', () => {
  const prefix = uniqueName('topics').replace(/_/g, '-');
  const [existing, fresh] = [`${prefix}.existing`, `${prefix}.fresh`];
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: existing, numPartitions: 1, replicationFactor: 1 }] });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [existing, fresh] });
    await admin.disconnect();
  });

  it('creates only the missing topics, with the partitions asked for, and can be repeated', async () => {
    expect(await createTopics(admin, [existing, fresh, fresh], { partitions: 3 })).toEqual([fresh]);
    expect(await createTopics(admin, [existing, fresh], { partitions: 3 })).toEqual([]);

    const { topics } = await admin.fetchTopicMetadata({ topics: [existing, fresh] });
    const partitions = Object.fromEntries(topics.map((topic) => [topic.name, topic.partitions.length]));
    expect(partitions).toEqual({ [existing]: 1, [fresh]: 3 });
  });
});
