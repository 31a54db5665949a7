import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { ApiClient } from '../http/api-client';
import type { RunningStack } from '../http/users-api.scenarios';
import { testEnv, uniqueName } from './env';

export type ServiceName = 'users' | 'roles' | 'access-control' | 'projections' | 'relay' | 'gateway';

const repoRoot = join(__dirname, '../../../..');

/**
 * The distributed runtime as real processes — gateway, users, roles, access-control, projections, relay — over the real PostgreSQL,
 * Redis and Kafka, isolated by a schema, a key prefix and a topic prefix of their own. Processes can be
 * killed (SIGKILL) and restarted, which is how crash tests prove nothing is lost or applied twice.
 */
export class DistributedStack implements RunningStack {
  /** Both APIs through the gateway, as clients reach them. */
  readonly users: ApiClient;
  readonly projections: ApiClient;
  /** Each service on its own port, past the gateway: for their health, readiness and metrics. */
  readonly direct: {
    readonly users: ApiClient;
    readonly roles: ApiClient;
    readonly 'access-control': ApiClient;
    readonly projections: ApiClient;
  };
  readonly operatorToken = randomBytes(24).toString('base64url');
  readonly name = uniqueName('gh');
  /** The users service's file outbox: the emails it sent, one JSON file each. */
  readonly outboxDir = mkdtempSync(join(tmpdir(), 'gatehouse-outbox-'));
  private readonly processes = new Map<ServiceName, ChildProcess>();
  private readonly output = new Map<ServiceName, string[]>();

  private constructor(
    private readonly ports: {
      users: number;
      roles: number;
      'access-control': number;
      projections: number;
      gateway: number;
    },
  ) {
    this.users = new ApiClient(`http://127.0.0.1:${ports.gateway}`);
    this.projections = this.users;
    this.direct = {
      users: new ApiClient(`http://127.0.0.1:${ports.users}`),
      roles: new ApiClient(`http://127.0.0.1:${ports.roles}`),
      'access-control': new ApiClient(`http://127.0.0.1:${ports['access-control']}`),
      projections: new ApiClient(`http://127.0.0.1:${ports.projections}`),
    };
  }

  static async start(): Promise<DistributedStack> {
    const stack = new DistributedStack({
      users: await freePort(),
      roles: await freePort(),
      'access-control': await freePort(),
      projections: await freePort(),
      gateway: await freePort(),
    });
    const started = await Promise.allSettled(
      (['users', 'roles', 'access-control', 'projections', 'relay', 'gateway'] as const).map((service) =>
        stack.startService(service),
      ),
    );
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) {
      // The caller never gets the stack, so nobody else could stop the processes that did start.
      await stack.stop();
      throw failed.reason;
    }
    return stack;
  }

  get env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      GATEHOUSE_PG_URL: testEnv.pgUrl,
      GATEHOUSE_PG_SCHEMA: this.name,
      GATEHOUSE_REDIS_URL: testEnv.redisUrl,
      GATEHOUSE_REDIS_PREFIX: `${this.name}:`,
      GATEHOUSE_KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      GATEHOUSE_TOPIC_PREFIX: `${this.name}.`,
      GATEHOUSE_SESSION_KEY: `session-key-of-${this.name}-${'x'.repeat(16)}`,
      GATEHOUSE_OPERATOR_TOKEN: this.operatorToken,
      GATEHOUSE_RESERVATION_KEY: `reservation-key-of-${this.name}-${'x'.repeat(16)}`,
      GATEHOUSE_OUTBOX_DIR: this.outboxDir,
      GATEHOUSE_USERS_URL: `http://127.0.0.1:${this.ports.users}`,
      GATEHOUSE_PROJECTIONS_URL: `http://127.0.0.1:${this.ports.projections}`,
      GATEHOUSE_ROLES_URL: `http://127.0.0.1:${this.ports.roles}`,
      GATEHOUSE_ACCESS_URL: `http://127.0.0.1:${this.ports['access-control']}`,
    };
  }

  async startService(service: ServiceName): Promise<void> {
    const port = service === 'relay' ? '0' : String(this.ports[service]);
    const child = spawn(process.execPath, ['--enable-source-maps', `dist/services/${service}/src/main.js`], {
      cwd: repoRoot,
      env: { ...this.env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Everything a service prints is kept: tests read it (start-up, crashes, the scan for secrets).
    const lines = this.output.get(service) ?? [];
    this.output.set(service, lines);
    const keep = (chunk: Buffer) => lines.push(chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.processes.set(service, child);
    if (service === 'relay') await waitFor(() => lines.join('').includes('leading'), child, lines);
    else if (service === 'gateway') await waitFor(() => ready(this.users, '/health'), child, lines);
    else await waitFor(() => ready(this.direct[service]), child, lines);
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed — the crash case. */
  async kill(service: ServiceName): Promise<void> {
    const child = this.processes.get(service);
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** The relay's operations endpoints (/health, /ready, /metrics), on the port it printed at start. */
  get relay(): ApiClient {
    const port = /health, readiness and metrics on port (\d+)/.exec(this.logs('relay'))?.[1];
    if (!port) throw new Error('the relay has not said where its operations endpoints are');
    return new ApiClient(`http://127.0.0.1:${port}`);
  }

  logs(service: ServiceName): string {
    return (this.output.get(service) ?? []).join('');
  }

  async stop(): Promise<void> {
    await Promise.all([...this.processes.keys()].map((service) => this.kill(service)));
    rmSync(this.outboxDir, { recursive: true, force: true });
    await removeStackData(this.name);
  }
}

/** Drops what a stack named `name` wrote to the shared servers: its schema, Redis keys and Kafka topics. */
export async function removeStackData(name: string): Promise<void> {
  const pg = new Client({ connectionString: testEnv.pgUrl });
  await pg.connect();
  await pg.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
  await pg.end();
  const redis = new Redis(testEnv.redisUrl);
  const keys = await redis.keys(`${name}:*`);
  if (keys.length > 0) await redis.unlink(...keys);
  redis.disconnect();
  const admin = new Kafka({ brokers: testEnv.kafkaBrokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${name}.`));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  await admin.disconnect();
}

async function ready(api: ApiClient, path = '/docs/openapi.json'): Promise<boolean> {
  try {
    return (await api.get(path)).status === 200;
  } catch {
    return false;
  }
}

async function waitFor(
  check: () => boolean | Promise<boolean>,
  child: ChildProcess,
  lines: string[],
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!(await check())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      throw new Error(`service did not start (exit ${child.exitCode}):\n${lines.join('').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
