/**
 * Settings of the distributed runtime, one source for every service process. Server addresses default to
 * this machine's local services; secrets have no default and must be given.
 */
export interface DistributedEnv {
  readonly pgUrl: string;
  readonly pgSchema: string;
  readonly redisUrl: string;
  readonly redisPrefix: string;
  readonly kafkaBrokers: string[];
  readonly topicPrefix: string;
  readonly port: number;
  /** Consumer-group liveness (GATEHOUSE_KAFKA_SESSION_TIMEOUT_MS, GATEHOUSE_KAFKA_HEARTBEAT_MS); unset: the bus's defaults. */
  readonly kafkaSessionTimeoutMs?: number;
  readonly kafkaHeartbeatIntervalMs?: number;
  /**
   * The least time between two reads of the relay (GATEHOUSE_RELAY_LINGER_MS, default 50, 0 to 1000): appends
   * closer together than this go to Kafka, and on to the projections, as one batch (see RELAY_LINGER_MS).
   */
  readonly relayLingerMs: number;
  /**
   * The event store on KurrentDB (GATEHOUSE_KURRENTDB_URL, e.g. `kurrentdb://host:2113?tls=false`; its
   * streams prefixed by GATEHOUSE_KURRENTDB_NAMESPACE, default `gatehouse`); unset: on PostgreSQL.
   */
  readonly kurrentDb?: { readonly url: string; readonly namespace: string };
  /** Peers whose X-Forwarded-For is believed (`trust proxy` values as Express and Fastify take them): the gateway, on this host. */
  readonly trustedProxies: readonly string[];
}

export function readDistributedEnv(env: NodeJS.ProcessEnv, defaultPort: number): DistributedEnv {
  return {
    pgUrl: env['GATEHOUSE_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    pgSchema: env['GATEHOUSE_PG_SCHEMA'] ?? 'gatehouse',
    redisUrl: env['GATEHOUSE_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    redisPrefix: env['GATEHOUSE_REDIS_PREFIX'] ?? 'gh:',
    kafkaBrokers: (env['GATEHOUSE_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(','),
    topicPrefix: env['GATEHOUSE_TOPIC_PREFIX'] ?? '',
    port: Number(env['PORT'] ?? defaultPort),
    kafkaSessionTimeoutMs: optionalMs(env, 'GATEHOUSE_KAFKA_SESSION_TIMEOUT_MS'),
    kafkaHeartbeatIntervalMs: optionalMs(env, 'GATEHOUSE_KAFKA_HEARTBEAT_MS'),
    relayLingerMs: boundedMs(env, 'GATEHOUSE_RELAY_LINGER_MS', RELAY_LINGER_MS, 1000),
    ...(env['GATEHOUSE_KURRENTDB_URL']
      ? {
          kurrentDb: {
            url: env['GATEHOUSE_KURRENTDB_URL'],
            namespace: env['GATEHOUSE_KURRENTDB_NAMESPACE'] ?? 'gatehouse',
          },
        }
      : {}),
    trustedProxies: (env['GATEHOUSE_TRUSTED_PROXIES'] ?? 'loopback')
      .split(',')
      .map((proxy) => proxy.trim())
      .filter((proxy) => proxy.length > 0),
  };
}

/**
 * Each relay batch wakes the relay, PostgreSQL, Kafka, the projections and Redis once, and on this 2-core
 * machine a wake-up from idle costs several times the work it does: at 40 appends a second, 10 ms between
 * reads cost those processes 10 ms of CPU an event, 50 ms cost 6.4 ms (docs/adr/20261205-relay-lingers.md).
 * An isolated append is still read at once; the price is up to 50 ms more before a burst is listed.
 */
export const RELAY_LINGER_MS = 50;

function boundedMs(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new Error(`${name} must be a whole number of milliseconds from 0 to ${max}`);
  }
  return Number(value);
}

function optionalMs(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) throw new Error(`${name} must be a whole number of milliseconds`);
  return Number(value);
}

export function requiredSecret(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value || value.length < 16) throw new Error(`${name} must be set (at least 16 characters)`);
  return value;
}
