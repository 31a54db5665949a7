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
    // Passwords a parser might cut anywhere: no piece of the credentials may show.
    for (const separator of ['/', '@', '?', '#']) {
      const error = await refusal(`kurrentdb://usr7:pw1${separator}pw2@127.0.0.1:${port}?tls=false`);
      expect(error.message).toMatch(
        /^KurrentDB at kurrentdb:\/\/127\.0\.0\.1:\d+\?tls=false did not answer \(/,
      );
      const told = JSON.stringify({ ...error, message: error.message, cause: error.cause });
      for (const piece of ['usr7', 'pw1', 'pw2']) expect(told).not.toContain(piece);
    }
  });

  it('fails at open on a malformed connection string, without repeating its credentials', async () => {
    const error = await refusal('kurrentdb://usr7:pw1@?tls=maybe');
    expect(error.message).toBe('KurrentDB at kurrentdb://?tls=maybe did not answer (ParseError)');
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
