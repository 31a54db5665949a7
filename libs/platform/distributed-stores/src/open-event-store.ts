import type { DistributedEnv } from '@gatehouse/config';
import type { EventStore } from '@gatehouse/event-store';
import { migrateSchema, PostgresEventStore, PostgresLeaderLock } from '@gatehouse/event-store-postgres';

/**
 * A distributed process's event store: KurrentDB where the environment names one, else PostgreSQL.
 * PostgreSQL is there either way: it keeps secrets and delivery logs (whose tables come with the store's
 * migrations, run here for KurrentDB too), and leads for KurrentDB, which has no leases.
 */
export async function openEventStore(env: DistributedEnv, poolSize: number): Promise<EventStore> {
  const { kurrentDb, pgUrl, pgSchema } = env;
  if (!kurrentDb) return PostgresEventStore.open({ connectionString: pgUrl, schema: pgSchema, poolSize });
  await migrateSchema(pgUrl, pgSchema);
  // Loaded only here: the client's native bridge and gRPC stay out of processes on PostgreSQL alone.
  const { KurrentDbEventStore } = await import('@gatehouse/event-store-kurrentdb');
  return KurrentDbEventStore.open({
    connectionString: kurrentDb.url,
    namespace: kurrentDb.namespace,
    tryLead: (name) => PostgresLeaderLock.tryAcquire(pgUrl, `${pgSchema}.${kurrentDb.namespace}.${name}`),
  });
}
