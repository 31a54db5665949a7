import { NO_STREAM, START } from '@gatehouse/event-store';
import { eventStoreContract, newTestEvent, uniqueName } from '@gatehouse/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { KurrentDbLogModel } from './kurrentdb-log-model';

/**
 * The shared contract on a model of the server's log (KurrentDbLogModel): the adapter's own logic —
 * retries judged from the streams, the global read's skipping and filtering, snapshots, notices — where no
 * server can run. kurrentdb-event-store.int.spec.ts runs the same contract on a real server.
 */
eventStoreContract(
  'KurrentDB (log model)',
  async () => {
    const store = await KurrentDbEventStore.open(
      {
        connectionString: 'kurrentdb://model',
        namespace: uniqueName('gh').replace(/_/g, '-'),
        tryLead: async () => null,
      },
      new KurrentDbLogModel().asClient(),
    );
    return { store, cleanup: () => store.close() };
  },
  { eventIdsPerStreamOnly: true },
);

describe('KurrentDB event store, a global read of no events', () => {
  it('answers none', async () => {
    const store = await KurrentDbEventStore.open(
      { connectionString: 'kurrentdb://model', namespace: 'gh-none', tryLead: async () => null },
      new KurrentDbLogModel().asClient(),
    );
    try {
      await store.append('user-1', [newTestEvent()], NO_STREAM);
      expect(await store.readAll({ after: START, maxCount: 0 })).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
