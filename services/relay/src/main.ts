import { openEventStore } from '@gatehouse/distributed-stores';
import { readDistributedEnv } from '@gatehouse/config';
import { ensureTopics, KafkaEventPublisher } from '@gatehouse/bus-kafka';
import { PostgresLeaderLock } from '@gatehouse/event-store-postgres';
import {
  KafkaOperations,
  Metrics,
  portOf,
  readinessCheck,
  recordRelayBatch,
  startOperationsServer,
  storeReadiness,
} from '@gatehouse/operations';
import { batchTraceOf, createServiceLogger, kafkaLogs, withTrace } from '@gatehouse/logging';
import { runRelay } from '@gatehouse/relay';
import { ownedStreams } from '@gatehouse/event-store';
import { Kafka, logLevel } from 'kafkajs';

const logger = createServiceLogger('relay');
const RESTART_DELAY_MS = 1000;

/**
 * The relay process: PostgreSQL global order → Kafka. Instances wait for one leader lock, so exactly one
 * publishes; if the leader's lock connection dies, it stops and another takes over from the checkpoint.
 */
async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 0);
  const shutdown = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => shutdown.abort());
  const metrics = new Metrics('relay');
  // It reads the global order and saves its checkpoint; it appends to no stream.
  const store = ownedStreams(await openEventStore(env, 2), []);
  const kafka = new Kafka({
    clientId: 'gatehouse-relay',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.ERROR,
    logCreator: kafkaLogs(logger),
  });
  await ensureTopics(kafka, env.topicPrefix);
  let leading = false;
  const bus = new KafkaOperations(kafka);
  const role = readinessCheck('leadership', async () => ({ leading }));
  const operations = await startOperationsServer(metrics, [storeReadiness(store), bus, role], env.port);
  logger.info(`health, readiness and metrics on port ${portOf(operations)}`);
  const publisher = new KafkaEventPublisher(kafka, { topicPrefix: env.topicPrefix });
  const recordBatch = recordRelayBatch(metrics);
  const lockName = `${env.pgSchema}.relay`;
  while (!shutdown.signal.aborted) {
    const lock = await PostgresLeaderLock.acquire(env.pgUrl, lockName, shutdown.signal).catch(() => null);
    if (!lock) break;
    leading = true;
    logger.info(`leading (${lockName})`);
    try {
      await runRelay({
        store,
        publisher,
        checkpointName: 'relay',
        pollMs: env.relayLingerMs,
        signal: AbortSignal.any([shutdown.signal, lock.lost]),
        onBatch: (batch, checkpoint) => {
          recordBatch(batch);
          withTrace(batchTraceOf(batch), () =>
            logger.info({ events: batch.length, checkpoint }, 'events published'),
          );
        },
      });
    } catch (error) {
      logger.warn({ err: error }, 'stopped by an error; restarting');
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    } finally {
      leading = false;
      await lock.release().catch(() => undefined);
    }
  }
  await publisher.close();
  await bus.close();
  await new Promise((resolve) => operations.close(resolve));
  await store.close();
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'stopped');
  process.exit(1);
});
