import { openEventStore } from '@gatehouse/distributed-stores';
import { readDistributedEnv } from '@gatehouse/config';
import { ensureTopics } from '@gatehouse/bus-kafka';
import { Kafka, logLevel } from 'kafkajs';
import { reconcileRelay } from './reconcile-relay';

/**
 * `npm run relay:reconcile [-- --republish]`: finds events the relay's checkpoint has passed that are not
 * on Kafka (as a relay that read the global order out of order could leave) and, with --republish,
 * publishes them. Safe beside a running relay. Exit code 2 when events are missing and were not
 * re-published, so a scheduled check can alert.
 */
async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 0);
  const republish = process.argv.includes('--republish');
  const store = await openEventStore(env, 2);
  const kafka = new Kafka({
    clientId: 'gatehouse-reconcile',
    brokers: env.kafkaBrokers,
    logLevel: logLevel.ERROR,
  });
  try {
    await ensureTopics(kafka, env.topicPrefix);
    const report = await reconcileRelay({
      store,
      kafka,
      topicPrefix: env.topicPrefix,
      checkpointName: 'relay',
      republish,
    });
    console.log(`checked ${report.checked} events up to the relay's checkpoint`);
    if (!report.checkpointFound)
      console.log("the relay's checkpoint is not in the store: every event was checked");
    console.log(`missing on Kafka: ${report.missing.length} events in ${report.streams.length} streams`);
    for (const event of report.missing.slice(0, 50)) {
      console.log(
        `  ${event.checkpoint} ${event.streamId}@${event.streamPosition} ${event.type} ${event.eventId}`,
      );
    }
    if (report.republished > 0) {
      console.log(`re-published ${report.republished} events`);
      console.log(
        'read models that already applied a later event of these streams ignore them: rebuild those',
      );
    } else if (report.missing.length > 0) {
      console.log('run again with --republish to publish them');
      process.exitCode = 2;
    }
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
