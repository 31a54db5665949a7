/** Addresses of the real servers tests talk to: from the environment, else this machine's local services. */
export const testEnv = {
  pgUrl: process.env['GATEHOUSE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test',
  redisUrl: process.env['GATEHOUSE_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  kafkaBrokers: (process.env['GATEHOUSE_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
  /** A KurrentDB server, where one is reachable: none can run on this project's own machines. */
  kurrentDbUrl: process.env['GATEHOUSE_KURRENTDB_URL'],
};

/** A name no other test file (or parallel Jest worker) will pick: for schemas, key prefixes, topics. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
