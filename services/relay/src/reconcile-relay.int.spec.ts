import { createTopics, KafkaEventPublisher } from '@gatehouse/bus-kafka';
import { allTopics } from '@gatehouse/contracts';
import { NO_STREAM } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { runRelay } from '@gatehouse/relay';
import {
  craftedOrderKeys,
  dropSchema,
  eventIds,
  newTestEvent,
  testEnv,
  uniqueName,
} from '@gatehouse/testing';
import { Kafka, logLevel } from 'kafkajs';
import { reconcileRelay } from './reconcile-relay';

const kafka = new Kafka({
  clientId: 'reconcile-test',
  brokers: testEnv.kafkaBrokers,
  logLevel: logLevel.ERROR,
});

describe('reconciling the relay with Kafka', () => {
  const schema = uniqueName('gh_reconcile');
  const topicPrefix = `${uniqueName('reconcile').replace(/_/g, '-')}.`;
  let store: PostgresEventStore;
  beforeAll(async () => {
    store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
    const admin = kafka.admin();
    await admin.connect();
    await createTopics(
      admin,
      allTopics.map((topic) => topicPrefix + topic),
      { partitions: 3 },
    );
    await admin.disconnect();
  });
  afterAll(async () => {
    await store.close();
    await dropSchema(schema);
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: allTopics.map((topic) => topicPrefix + topic) });
    await admin.disconnect();
  });

  describe('when the relay left events behind its checkpoint', () => {
    it('finds exactly those, re-publishes them, and then finds none', async () => {
      for (let n = 0; n < 5; n++) await store.append(`user-${n}`, [newTestEvent()], NO_STREAM);
      const publisher = new KafkaEventPublisher(kafka, { topicPrefix });
      const relayed = new AbortController();
      let published = 0;
      await runRelay({
        store,
        publisher,
        checkpointName: 'relay',
        signal: relayed.signal,
        pollMs: 5,
        onBatch: (batch) => {
          published += batch.length;
          if (published >= 5) relayed.abort();
        },
      });
      await publisher.close();
      // What the text-ordered read did: rows whose tx_id sorts before the checkpoint, never published.
      const skipped = [newTestEvent(), newTestEvent()];
      await craftedOrderKeys(schema).seed(
        skipped.map((event, index) => ({
          key: 1000n + BigInt(index),
          streamId: `user-skipped-${index}`,
          event,
        })),
      );
      const options = { store, kafka, topicPrefix, checkpointName: 'relay' };

      const found = await reconcileRelay({ ...options, republish: false });
      expect(found).toMatchObject({ checked: 7, checkpointFound: true, republished: 0 });
      expect(eventIds(found.missing)).toEqual(eventIds(skipped));
      expect(found.streams).toEqual(['user-skipped-0', 'user-skipped-1']);

      expect(await reconcileRelay({ ...options, republish: true })).toMatchObject({ republished: 2 });
      expect(await reconcileRelay({ ...options, republish: false })).toMatchObject({
        checked: 7,
        missing: [],
      });
    }, 60_000);
  });
});
