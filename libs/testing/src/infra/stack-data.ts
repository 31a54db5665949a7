import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { testEnv } from './env';

/** Drops what a stack named `name` wrote to the shared servers: its schema, Redis keys and Kafka topics. */
export async function removeStackData(name: string): Promise<void> {
  const pg = new Client({ connectionString: testEnv.pgUrl });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await pg.end();
  const redis = new Redis(testEnv.redisUrl);
  const keys = await redis.keys(`${name}:*`);
  if (keys.length > 0) await redis.unlink(...keys);
  redis.disconnect();
  const admin = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${name}.`));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.disconnect();
}
