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
    trustedProxies: (env['GATEHOUSE_TRUSTED_PROXIES'] ?? 'loopback')
      .split(',')
      .map((proxy) => proxy.trim())
      .filter((proxy) => proxy.length > 0),
  };
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
