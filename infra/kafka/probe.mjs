// kafka.sh asks the broker through the client the services use (kafkajs), so "ready" means ready for them.
//   node probe.mjs ready  <host:port>  metadata, a producer id and a group coordinator all answer; on a
//                                       fresh broker the first of each is still loading for a moment
//   node probe.mjs topics <host:port>  prints the topic names, one a line
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;
const [command, brokers = '127.0.0.1:9092'] = process.argv.slice(2);

const kafka = new Kafka({
  clientId: 'gatehouse-kafka-sh',
  brokers: brokers.split(','),
  // Retries are expected while coordinators load; a final failure is still printed below.
  logLevel: logLevel.NOTHING,
  retry: { initialRetryTime: 100, retries: 8 },
});

async function ready() {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.describeCluster();
    // FindCoordinator creates __consumer_offsets on first use.
    await admin.describeGroups(['gatehouse-kafka-sh-probe']);
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.disconnect();
  } finally {
    await admin.disconnect();
  }
}

async function topics() {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const names = await admin.listTopics();
    for (const name of names.sort()) console.log(name);
  } finally {
    await admin.disconnect();
  }
}

const commands = { ready, topics };
if (!commands[command]) {
  console.error('usage: node probe.mjs ready|topics <host:port>');
  process.exit(2);
}
commands[command]().catch((error) => {
  console.error(`kafka: ${command} against ${brokers} failed: ${error.message}`);
  process.exit(1);
});
