import type { DistributedEnv } from '@gatehouse/config';
import type { EventStore } from '@gatehouse/event-store';
import { KurrentDbEventStore } from '@gatehouse/event-store-kurrentdb';
import { PostgresEventStore, PostgresLeaderLock } from '@gatehouse/event-store-postgres';

/**
 * A distributed process's event store: KurrentDB where the environment names one, else PostgreSQL.
 * PostgreSQL is there either way (secrets, delivery logs), and leads for KurrentDB, which has no leases.
 */
export function openEventStore(env: DistributedEnv, poolSize: number): Promise<EventStore> {
  const { kurrentDb, pgUrl, pgSchema } = env;
  if (!kurrentDb) return PostgresEventStore.open({ connectionString: pgUrl, schema: pgSchema, poolSize });
  return KurrentDbEventStore.open({
    connectionString: kurrentDb.url,
    namespace: kurrentDb.namespace,
    tryLead: (name) => PostgresLeaderLock.tryAcquire(pgUrl, `${kurrentDb.namespace}.${name}`),
  });
}
