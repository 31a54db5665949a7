import { ensureTopics, KafkaEventPublisher, toKafkaMessage } from '@gatehouse/bus-kafka';
import { readDistributedEnv } from '@gatehouse/config';
import { type NewEvent, type StoredEvent, topicForStream } from '@gatehouse/contracts';
import { NO_STREAM, START } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { runRelay } from '@gatehouse/relay';
import { testEnv, uniqueName } from '@gatehouse/testing';
import { Kafka, logLevel, type Message, Partitioners, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client, escapeIdentifier } from 'pg';
import { seedReadsideEvents } from './readside-seed';
import { heading, latencyHistogram, latencyRow, percentileMs, recordMs, type SectionResult } from './report';

const TARGETS = { drainRatio: 0.8, lagP99Ms: 100 };
const BATCH = 500;
/** The backlog is measured in this many parts, raw and relay alternating (ABBA), so load drift falls on both. */
const PARTS = 4;

/**
 * The relay figures: draining a backlog (BENCH_RELAY_EVENTS, default ~100k events written straight
 * into a fresh store) to Kafka, beside raw kafkajs producing the same records with the same producer
 * settings (idempotent, acks from all replicas, one request in flight, batches of the relay's size) to the
 * same broker in the same run; then the lag from append to Kafka's acknowledgement at 1k events/s offered.
 * Raw and relay take turns over parts of the backlog (raw, relay, relay, raw, …): on a shared machine the
 * load moved enough between two back-to-back 20 s runs to put the ratio anywhere from 0.7× to 1.3×.
 */
export async function relaySection(options: { signal?: AbortSignal } = {}): Promise<SectionResult> {
  const users = Math.ceil(Number(process.env['BENCH_RELAY_EVENTS'] ?? 100_000) / 2.75);
  heading('Relay: backlog drain and end-to-end lag');
  const schema = uniqueName('bench_relay');
  const topicPrefix = `${uniqueName('bench-relay')}.`;
  const kafka = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING });
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  const store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
  try {
    const count = await seedReadsideEvents(client, schema, users);
    await ensureTopics(kafka, topicPrefix);
    const backlog = await store.readAll({ after: START, maxCount: count });
    options.signal?.throwIfAborted();

    const { rawPerSecond, relayPerSecond } = await alternate(kafka, topicPrefix, store, backlog);
    const lag = await lagAtRate(kafka, topicPrefix, store, backlog, 1000, 10, options.signal);
    const ratio = relayPerSecond / rawPerSecond;
    const lagP99 = percentileMs(lag, 99);
    console.log(
      `backlog ${count} events in ${PARTS} parts, raw and relay alternating; batches of ${BATCH}; load average ${loadAverage()}`,
    );
    console.log(`raw kafkajs produce   ${fmt(rawPerSecond)} events/s`);
    console.log(
      `relay drain           ${fmt(relayPerSecond)} events/s  (${ratio.toFixed(2)}× raw, target ≥ ${TARGETS.drainRatio}×)`,
    );
    console.log(latencyRow('append → Kafka ack lag', lag) + `  (target p99 < ${TARGETS.lagP99Ms} ms)`);
    return {
      section: 'relay',
      pass: ratio >= TARGETS.drainRatio && lagP99 < TARGETS.lagP99Ms,
      headline: `drain ${fmt(relayPerSecond)} ev/s = ${ratio.toFixed(2)}× raw kafkajs; lag p99 ${lagP99.toFixed(1)} ms at 1k ev/s`,
    };
  } finally {
    await store.close();
    await client.query(`DROP SCHEMA IF EXISTS ${escapeIdentifier(schema)} CASCADE`);
    await client.end();
    await deleteTopics(kafka, topicPrefix);
  }
}

/** Events per second of raw kafkajs and of the relay, each over every part of the backlog. */
async function alternate(
  kafka: Kafka,
  topicPrefix: string,
  store: PostgresEventStore,
  backlog: readonly StoredEvent[],
): Promise<{ rawPerSecond: number; relayPerSecond: number }> {
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  // One relay publisher for every part, as one relay process keeps its producer.
  const publisher = new KafkaEventPublisher(kafka, { topicPrefix });
  const partSize = Math.ceil(backlog.length / PARTS / BATCH) * BATCH;
  const seconds = { raw: 0, relay: 0 };
  try {
    for (let part = 0; part < PARTS; part++) {
      const at = part * partSize;
      const events = backlog.slice(at, at + partSize);
      const measure = {
        raw: () => rawProduce(producer, topicPrefix, events),
        relay: () => drain(publisher, store, at === 0 ? START : backlog[at - 1].checkpoint, events),
      };
      const order = part % 2 === 0 ? (['raw', 'relay'] as const) : (['relay', 'raw'] as const);
      for (const which of order) seconds[which] += await measure[which]();
    }
  } finally {
    await Promise.all([producer.disconnect(), publisher.close()]);
  }
  return { rawPerSecond: backlog.length / seconds.raw, relayPerSecond: backlog.length / seconds.relay };
}

/** Seconds to produce the events (encoded beforehand) in batches of the relay's size. */
async function rawProduce(producer: Producer, topicPrefix: string, events: readonly StoredEvent[]) {
  const batches: { topic: string; messages: Message[] }[][] = [];
  for (let at = 0; at < events.length; at += BATCH) {
    const byTopic = new Map<string, Message[]>();
    for (const event of events.slice(at, at + BATCH)) {
      const topic = topicPrefix + topicForStream(event.streamId);
      const messages = byTopic.get(topic) ?? [];
      messages.push(toKafkaMessage(event));
      byTopic.set(topic, messages);
    }
    batches.push([...byTopic].map(([topic, messages]) => ({ topic, messages })));
  }
  const started = performance.now();
  for (const topicMessages of batches) await producer.sendBatch({ acks: -1, topicMessages });
  return (performance.now() - started) / 1000;
}

interface BenchRelay {
  readonly stop: AbortController;
  readonly running: Promise<void>;
}

/** A relay configured as the relay service runs it (its linger setting), publishing to this run's topics. */
function startRelay(
  publisher: KafkaEventPublisher,
  store: PostgresEventStore,
  checkpointName: string,
  onBatch: (batch: readonly StoredEvent[], checkpoint: string, stop: AbortController) => void,
): BenchRelay {
  const stop = new AbortController();
  const running = runRelay({
    store,
    publisher,
    checkpointName,
    signal: stop.signal,
    batchSize: BATCH,
    pollMs: readDistributedEnv(process.env, 0).relayLingerMs,
    onBatch: (batch, checkpoint) => onBatch(batch, checkpoint, stop),
  });
  return { stop, running };
}

/** Seconds for a relay started at `from` to publish the events after it. */
async function drain(
  publisher: KafkaEventPublisher,
  store: PostgresEventStore,
  from: string,
  events: readonly StoredEvent[],
): Promise<number> {
  const last = events[events.length - 1].checkpoint;
  await store.saveCheckpoint('bench-drain', from);
  const started = performance.now();
  await startRelay(publisher, store, 'bench-drain', (_batch, checkpoint, stop) => {
    if (checkpoint === last) stop.abort();
  }).running;
  return (performance.now() - started) / 1000;
}

/** Appends `rate` events/s (one per new stream, in ticks of 10 ms) while a relay runs as the service runs it. */
async function lagAtRate(
  kafka: Kafka,
  topicPrefix: string,
  store: PostgresEventStore,
  backlog: readonly StoredEvent[],
  rate: number,
  seconds: number,
  signal?: AbortSignal,
) {
  // From the backlog's end, as a relay that has caught up: only the lag of the offered events counts.
  await store.saveCheckpoint('bench-lag', backlog[backlog.length - 1].checkpoint);
  const appendedAt = new Map<string, number>();
  const lag = latencyHistogram();
  const publisher = new KafkaEventPublisher(kafka, { topicPrefix });
  const relay = startRelay(publisher, store, 'bench-lag', (batch) => {
    const now = performance.now();
    for (const event of batch) {
      const at = appendedAt.get(event.eventId);
      if (at !== undefined) recordMs(lag, now - at);
    }
  });
  const perTick = rate / 100;
  const ends = performance.now() + seconds * 1000;
  for (let tick = performance.now(); tick < ends && !signal?.aborted; tick += 10) {
    await Promise.all(
      Array.from({ length: perTick }, async () => {
        const event = benchEvent();
        // Taken before the append (the relay may publish before this await returns): the lag includes it.
        appendedAt.set(event.eventId, performance.now());
        await store.append(`user-${randomUUID()}`, [event], NO_STREAM);
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, tick + 10 - performance.now())));
  }
  while (lag.totalCount < appendedAt.size && !signal?.aborted) await new Promise((r) => setTimeout(r, 20));
  relay.stop.abort();
  await relay.running.finally(() => publisher.close());
  return lag;
}

function benchEvent(): NewEvent {
  const id = randomUUID();
  return {
    eventId: id,
    type: 'UserDetailsChanged',
    schemaVersion: 1,
    accountId: '0190a000-0000-7000-8000-00000000b16a',
    occurredAt: new Date().toISOString(),
    actor: 'system:bench',
    correlationId: id,
    causationId: null,
    data: { userId: id, firstName: 'Ada' },
  };
}

async function deleteTopics(kafka: Kafka, topicPrefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
    await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
