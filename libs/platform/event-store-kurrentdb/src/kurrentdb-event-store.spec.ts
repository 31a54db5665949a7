import { eventStoreContract, uniqueName } from '@gatehouse/testing';
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
