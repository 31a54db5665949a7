import { eventStoreContract, freePort, testEnv, uniqueName } from '@gatehouse/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * The shared contract on a KurrentDB server, where one is reachable: GATEHOUSE_KURRENTDB_URL, e.g.
 * `kurrentdb://127.0.0.1:2113?tls=false` (KurrentDB 26.1 or later, for appendMulti's appendRecords).
 * No KurrentDB server can be installed on the machines this project is built on (no Docker engine, no
 * package), so there it is reported skipped; each test gets a namespace of its own on a shared server.
 */
const url = testEnv.kurrentDbUrl;

describe('KurrentDB event store, no server answering', () => {
  const refusal = async (connectionString: string) => {
    const error = await KurrentDbEventStore.open({ connectionString, tryLead: async () => null }).then(
      () => undefined,
      (reason: unknown) => reason as Error,
    );
    if (!error) throw new Error('opened with no server');
    return error;
  };

  it('fails at open, naming the server without the credentials of its connection string', async () => {
    const port = await freePort();
    for (const password of ['chan/ge', 'chan@ge']) {
      const error = await refusal(`kurrentdb://admin:${password}@127.0.0.1:${port}?tls=false`);
      expect(error.message).toContain(`KurrentDB at kurrentdb://127.0.0.1:${port}?tls=false did not answer`);
      expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toContain(
        password,
      );
    }
  });

  it('fails at open on a malformed connection string, without repeating its credentials', async () => {
    const error = await refusal('kurrentdb://admin:s3cret@?tls=maybe');
    expect(error.message).toMatch(/^KurrentDB at kurrentdb:\/\/\?tls=maybe did not answer/);
    expect(JSON.stringify({ ...error, message: error.message, cause: error.cause })).not.toMatch(/s3cret/);
  });
});

(url ? describe : describe.skip)('KurrentDB (GATEHOUSE_KURRENTDB_URL)', () => {
  eventStoreContract(
    'KurrentDB',
    async () => {
      const namespace = uniqueName('gh-es').replace(/_/g, '-');
      const store = await KurrentDbEventStore.open({
        connectionString: url as string,
        namespace,
        // Leadership is delegated (openEventStore gives PostgreSQL's); the contract does not lead.
        tryLead: async () => null,
      });
      return { store, cleanup: () => store.close() };
    },
    { eventIdsPerStreamOnly: true },
  );
});
