import { NO_STREAM } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { runRelay } from '@gatehouse/relay';
import {
  dropSchema,
  eventIds,
  holdAppendOpen,
  newTestEvent,
  openTransaction,
  testEnv,
  uniqueName,
} from '@gatehouse/testing';

describe('relay over PostgreSQL', () => {
  let schema: string;
  let store: PostgresEventStore;
  beforeEach(async () => {
    schema = uniqueName('gh_relay');
    store = await PostgresEventStore.open({ connectionString: testEnv.pgUrl, schema });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  describe('when the relay follows the store and another application idles in a transaction', () => {
    it('publishes at once, and waits only while an append of this store is open', async () => {
      const idle = await openTransaction('postgres', 'SELECT pg_current_xact_id()');
      const published: string[] = [];
      const stop = new AbortController();
      const relay = runRelay({
        store,
        publisher: {
          publish: async (events) => void published.push(...eventIds(events)),
          close: async () => undefined,
        },
        checkpointName: 'relay',
        signal: stop.signal,
        pollMs: 5,
      });
      const until = async (count: number) => {
        while (published.length < count) await new Promise((resolve) => setTimeout(resolve, 5));
      };
      const first = newTestEvent();
      await store.append('user-1', [first], NO_STREAM);
      await until(1);
      const early = newTestEvent();
      const held = await holdAppendOpen(schema, [['user-early', early]]);
      const late = newTestEvent();
      await store.append('user-late', [late], NO_STREAM);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(published).toEqual([first.eventId]);
      await held.commit();
      await until(3);
      stop.abort();
      await relay;
      expect(published).toEqual([first.eventId, early.eventId, late.eventId]);
      await held.end();
      await idle.end();
    });
  });
});
