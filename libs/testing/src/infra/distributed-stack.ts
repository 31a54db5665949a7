import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../http/api-client';
import type { RunningStack } from '../http/users-api.scenarios';
import { testEnv, uniqueName } from './env';
import { freePort } from './free-port';
import { type LogLines, logLines } from './log-lines';
import { ready, running, waitFor } from './process-wait';
import { removeStackData } from './stack-data';

export type ServiceName =
  | 'users'
  | 'roles'
  | 'invites'
  | 'access-control'
  | 'projections'
  | 'relay'
  | 'gateway';
type HttpService = 'users' | 'roles' | 'invites' | 'access-control' | 'projections';
const httpServices = ['users', 'roles', 'invites', 'access-control', 'projections'] as const;

export type ServiceEnv = Partial<Record<ServiceName, NodeJS.ProcessEnv>>;

export interface StackOptions {
  /** How many processes of each service to run (default 1 each); the gateway balances over them. */
  readonly instances?: Partial<Record<HttpService | 'relay', number>>;
  /** Adds to a service's environment (a bench sets GATEHOUSE_LOG_LEVEL with it). */
  readonly env?: ServiceEnv;
}

const repoRoot = join(__dirname, '../../../..');

/**
 * The distributed runtime as real processes — gateway, users, roles, invites, access-control, projections,
 * relay — over the real PostgreSQL, Redis and Kafka, isolated by a schema, a key prefix and a topic prefix of their own. Each service but the
 * gateway may run as several instances (numbered from 0). Processes can be killed (SIGKILL) and restarted,
 * which is how crash tests prove nothing is lost or applied twice.
 */
export class DistributedStack implements RunningStack {
  /** Both APIs through the gateway, as clients reach them. */
  readonly users: ApiClient;
  readonly projections: ApiClient;
  /** Each service on its own port, past the gateway: for their health, readiness and metrics. */
  readonly direct: {
    readonly users: ApiClient;
    readonly roles: ApiClient;
    readonly invites: ApiClient;
    readonly 'access-control': ApiClient;
    readonly projections: ApiClient;
  };
  readonly operatorToken = randomBytes(24).toString('base64url');
  readonly serviceToken = randomBytes(24).toString('base64url');
  readonly name = uniqueName('gh');
  /** The users and invites services' file outbox: the emails they sent, a JSON-lines mailbox each. */
  readonly outboxDir = mkdtempSync(join(tmpdir(), 'gatehouse-outbox-'));
  /** Keyed `service:instance`. */
  private readonly processes = new Map<string, ChildProcess>();
  private readonly output = new Map<string, string[]>();
  /** Where each process's output starts in its instance's lines (a restart appends to them). */
  private readonly spawnedAt = new Map<string, number>();

  private constructor(
    private readonly ports: Record<HttpService, number[]> & { gateway: number },
    private readonly relays: number,
    private readonly envOf: ServiceEnv,
  ) {
    this.users = new ApiClient(`http://127.0.0.1:${ports.gateway}`);
    this.projections = this.users;
    this.direct = {
      users: this.instance('users', 0),
      roles: this.instance('roles', 0),
      invites: this.instance('invites', 0),
      'access-control': this.instance('access-control', 0),
      projections: this.instance('projections', 0),
    };
  }

  static async start(options: StackOptions = {}): Promise<DistributedStack> {
    const count = (service: HttpService | 'relay') => options.instances?.[service] ?? 1;
    const ports = async (service: HttpService) =>
      Promise.all(Array.from({ length: count(service) }, () => freePort()));
    const stack = new DistributedStack(
      {
        users: await ports('users'),
        roles: await ports('roles'),
        invites: await ports('invites'),
        'access-control': await ports('access-control'),
        projections: await ports('projections'),
        gateway: await freePort(),
      },
      count('relay'),
      options.env ?? {},
    );
    const instances = [...httpServices, 'relay' as const].flatMap((service) =>
      Array.from({ length: count(service) }, (_, instance) => [service, instance] as const),
    );
    const started = await Promise.allSettled([
      ...instances.map(([service, instance]) => stack.startService(service, instance)),
      stack.startService('gateway'),
    ]);
    try {
      const failed = started.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      await stack.waitForLeadingRelay();
    } catch (error) {
      // The caller never gets the stack, so nobody else could stop the processes that did start.
      await stack.stop();
      throw error;
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
      GATEHOUSE_SERVICE_TOKEN: this.serviceToken,
      // Every scenario logs in from 127.0.0.1; the throttle is tested with its own limits in embedded mode.
      GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS: '1000000',
      GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '1000000',
      GATEHOUSE_RESERVATION_KEY: `reservation-key-of-${this.name}-${'x'.repeat(16)}`,
      GATEHOUSE_OUTBOX_DIR: this.outboxDir,
      GATEHOUSE_PUBLIC_URL: `http://127.0.0.1:${this.ports.gateway}`,
      GATEHOUSE_USERS_URL: this.urls('users'),
      GATEHOUSE_PROJECTIONS_URL: this.urls('projections'),
      GATEHOUSE_ROLES_URL: this.urls('roles'),
      GATEHOUSE_INVITES_URL: this.urls('invites'),
      GATEHOUSE_ACCESS_URL: this.urls('access-control'),
    };
  }

  /** One instance of a service, past the gateway. */
  instance(service: HttpService, instance: number): ApiClient {
    return new ApiClient(`http://127.0.0.1:${this.ports[service][instance]}`);
  }

  private urls(service: HttpService): string {
    return this.ports[service].map((port) => `http://127.0.0.1:${port}`).join(',');
  }

  /** The live relay instance that said, since it started, that it leads; undefined while none or two do. */
  leadingRelay(): number | undefined {
    const leading = Array.from({ length: this.relays }, (_, instance) => instance).filter((instance) => {
      const key = `relay:${instance}`;
      const run = (this.output.get(key) ?? []).slice(this.spawnedAt.get(key) ?? 0).join('');
      return running(this.processes.get(key)) && run.includes('leading');
    });
    return leading.length === 1 ? leading[0] : undefined;
  }

  async waitForLeadingRelay(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (let leader = this.leadingRelay(); ; leader = this.leadingRelay()) {
      if (leader !== undefined) return leader;
      if (Date.now() > deadline) throw new Error(`no relay leads:\n${this.logs('relay').slice(-4000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Starts an instance; `env` adds to its environment for this run only (a crash test's hook). */
  async startService(service: ServiceName, instance = 0, env: Record<string, string> = {}): Promise<void> {
    const port =
      service === 'relay'
        ? '0'
        : String(service === 'gateway' ? this.ports.gateway : this.ports[service][instance]);
    const child = spawn(process.execPath, ['--enable-source-maps', `dist/services/${service}/src/main.js`], {
      cwd: repoRoot,
      env: { ...this.env, ...this.envOf[service], ...env, PORT: port },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Everything a service prints is kept: tests read it (start-up, crashes, the scan for secrets).
    const key = `${service}:${instance}`;
    const lines = this.output.get(key) ?? [];
    this.output.set(key, lines);
    const keep = (chunk: Buffer) => lines.push(chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.processes.set(key, child);
    const from = lines.length;
    this.spawnedAt.set(key, from);
    // A relay is up once it serves its operations endpoints (it leads only if no other instance does).
    if (service === 'relay')
      await waitFor(() => lines.slice(from).join('').includes('metrics on port'), child, lines);
    else if (service === 'gateway') await waitFor(() => ready(this.users, '/health'), child, lines);
    else await waitFor(() => ready(this.instance(service, instance)), child, lines);
  }

  /** Resolves once the instance's process has exited (at once if it is not running). */
  async exited(service: ServiceName, instance = 0): Promise<void> {
    const child = this.processes.get(`${service}:${instance}`);
    if (!child || !running(child)) return;
    await new Promise((resolve) => child.once('exit', resolve));
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed — the crash case. */
  async kill(service: ServiceName, instance = 0): Promise<void> {
    const exited = this.exited(service, instance);
    this.processes.get(`${service}:${instance}`)?.kill('SIGKILL');
    await exited;
  }

  /** The relay's operations endpoints (/health, /ready, /metrics), on the port it printed at start. */
  get relay(): ApiClient {
    return this.relayInstance(0);
  }

  relayInstance(instance: number): ApiClient {
    const ports = [...this.logs('relay', instance).matchAll(/health, readiness and metrics on port (\d+)/g)];
    const port = ports.at(-1)?.[1];
    if (!port) throw new Error('the relay has not said where its operations endpoints are');
    return new ApiClient(`http://127.0.0.1:${port}`);
  }

  /** What an instance printed, or every instance of the service when none is named. */
  logs(service: ServiceName, instance?: number): string {
    const keys =
      instance === undefined
        ? [...this.output.keys()].filter((key) => key.startsWith(`${service}:`))
        : [`${service}:${instance}`];
    return keys.map((key) => (this.output.get(key) ?? []).join('')).join('');
  }

  /** Every service started so far. */
  get services(): readonly ServiceName[] {
    return [...new Set([...this.output.keys()].map((key) => key.split(':')[0] as ServiceName))];
  }

  /** A service's output line by line: the JSON log records, and any line that is not one. */
  logRecords(service: ServiceName): LogLines {
    return logLines(this.logs(service));
  }

  async stop(): Promise<void> {
    await Promise.all(
      [...this.processes.keys()].map((key) => {
        const [service, instance] = key.split(':');
        return this.kill(service as ServiceName, Number(instance));
      }),
    );
    rmSync(this.outboxDir, { recursive: true, force: true });
    await removeStackData(this.name);
  }
}
