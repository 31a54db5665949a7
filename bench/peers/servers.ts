import { freePort, removeStackData, testEnv, uniqueName } from '@gatehouse/testing';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFlags } from '../start-flags';
import type { GatehouseProcess } from './gatehouse';

export const repoRoot = join(__dirname, '../..');
/** The shared Keycloak harness (run-keycloak.sh, stop-keycloak.sh), beside the checkout. */
const harness = process.env['PEERS_KEYCLOAK_HARNESS'] ?? join(repoRoot, '../shared/peers/keycloak');
/** Keycloak's download and run files: outside the repository, reused across runs. */
const keycloakCache = process.env['KCB_CACHE_DIR'] ?? join(homedir(), '.cache/gatehouse-peers/keycloak');

/**
 * Keycloak's bootstrap admin, created by the harness from its KCB_ADMIN_* settings the first time its
 * database is made. Unless set, the password is made once and kept beside the harness's cache (mode
 * 0600), so a later run signs in to the same admin and no password is written in the bench.
 */
export const keycloakAdmin = {
  username: process.env['KCB_ADMIN_USER'] ?? 'admin',
  password: process.env['KCB_ADMIN_PASSWORD'] ?? keptSecret(join(keycloakCache, 'admin.password')),
};

function keptSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(24).toString('base64url');
  mkdirSync(keycloakCache, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
const keycloakDb = process.env['KCB_DB_NAME'] ?? 'gh_peers_keycloak';

/** Every bench login comes from 127.0.0.1: the throttle (tested elsewhere) must not refuse the workload. */
const unthrottled = {
  GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS: '1000000',
  GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '1000000',
};

export interface Running<T> {
  readonly system: T;
  stop(): Promise<void>;
}

export interface KeycloakServer {
  readonly baseUrl: string;
  readonly pid: number;
}

/**
 * Keycloak from the shared harness (Maven Central's keycloak-quarkus-dist, production mode, PostgreSQL):
 * started if it is not running, and then stopped again at the end; a Keycloak someone else started is left.
 */
export function startKeycloak(): Running<KeycloakServer> {
  const env = {
    ...process.env,
    KCB_CACHE_DIR: keycloakCache,
    KCB_DB_NAME: keycloakDb,
    KCB_ADMIN_USER: keycloakAdmin.username,
    KCB_ADMIN_PASSWORD: keycloakAdmin.password,
  };
  const pidFile = join(keycloakCache, 'run/keycloak.pid');
  const wasRunning = existsSync(pidFile) && alive(Number(readFileSync(pidFile, 'utf8')));
  execFileSync('bash', [join(harness, 'run-keycloak.sh')], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const started = JSON.parse(readFileSync(join(keycloakCache, 'run/keycloak.env.json'), 'utf8')) as {
    pid: number;
    http_url: string;
    keycloak_version: string;
    java: { version_line: string };
  };
  console.log(`Keycloak ${started.keycloak_version} (${started.java.version_line}) pid ${started.pid}`);
  return {
    system: { baseUrl: started.http_url, pid: started.pid },
    stop: async () => {
      if (!wasRunning) execFileSync('bash', [join(harness, 'stop-keycloak.sh')], { env, stdio: 'inherit' });
    },
  };
}

/** `npm start`'s process, from the checkout at `root`, on a fresh data directory and a free port. */
export async function startEmbedded(
  name: string,
  root: string,
  extraEnv: NodeJS.ProcessEnv,
): Promise<Running<GatehouseProcess>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-peers-'));
  const port = await freePort();
  const operatorToken = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [...startFlags(root), 'dist/services/gatehouse/src/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      ...unthrottled,
      ...extraEnv,
      GATEHOUSE_DATA_DIR: dataDir,
      PORT: String(port),
      GATEHOUSE_OPERATOR_TOKEN: operatorToken,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await untilHealthy(baseUrl, () => child.exitCode === null);
  const pid = child.pid as number;
  return {
    system: {
      name,
      baseUrl,
      operatorToken,
      outboxDir: join(dataDir, 'outbox'),
      processes: () => [{ pid, service: 'gatehouse' }],
    },
    stop: async () => {
      await ended(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const launcherServices = {
  gateway: 'GATEHOUSE_GATEWAY_PORT',
  users: 'GATEHOUSE_USERS_PORT',
  projections: 'GATEHOUSE_PROJECTIONS_PORT',
  relay: 'GATEHOUSE_RELAY_PORT',
  roles: 'GATEHOUSE_ROLES_PORT',
  'access-control': 'GATEHOUSE_ACCESS_PORT',
  invites: 'GATEHOUSE_INVITES_PORT',
} as const;

/**
 * `npm run distributed` (infra/dev/distributed.sh) from the checkout at `root`, as built: seven processes
 * over PostgreSQL, Redis and Kafka with a schema, key prefix, topic prefix, run dir and ports of their own,
 * one gateway URL; stopped, and its data dropped, at the end.
 */
export async function startDistributed(
  name: string,
  root: string,
  extraEnv: NodeJS.ProcessEnv,
): Promise<Running<GatehouseProcess>> {
  const stackName = uniqueName('peers');
  const runDir = await mkdtemp(join(tmpdir(), 'gatehouse-peers-run-'));
  const ports: Record<string, string> = {};
  for (const variable of Object.values(launcherServices)) ports[variable] = String(await freePort());
  const env = {
    ...process.env,
    ...unthrottled,
    ...extraEnv,
    ...ports,
    GATEHOUSE_NO_BUILD: '1',
    GATEHOUSE_RUN_DIR: runDir,
    GATEHOUSE_PG_URL: testEnv.pgUrl,
    GATEHOUSE_PG_SCHEMA: stackName,
    GATEHOUSE_REDIS_URL: testEnv.redisUrl,
    GATEHOUSE_REDIS_PREFIX: `${stackName}:`,
    GATEHOUSE_KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
    GATEHOUSE_TOPIC_PREFIX: `${stackName}.`,
  };
  const launcher = join(root, 'infra/dev/distributed.sh');
  const stop = async () => {
    execFileSync('bash', [launcher, 'stop'], { env, stdio: 'ignore' });
    await removeStackData(stackName);
    await rm(runDir, { recursive: true, force: true });
  };
  const processes = () =>
    Object.keys(launcherServices).flatMap((service) => {
      const pid = Number(readIfThere(join(runDir, `${service}.pid`)));
      return pid && alive(pid) ? [{ pid, service }] : [];
    });
  try {
    execFileSync('bash', [launcher, 'start'], { env, stdio: 'ignore' });
    const baseUrl = `http://127.0.0.1:${ports['GATEHOUSE_GATEWAY_PORT']}`;
    await untilHealthy(baseUrl, () => processes().length === 7, '/ready');
  } catch (error) {
    for (const service of Object.keys(launcherServices))
      console.error(`${service}.log:\n${(readIfThere(join(runDir, `${service}.log`)) ?? '').slice(-1500)}`);
    await stop();
    throw error;
  }
  return {
    system: {
      name,
      baseUrl: `http://127.0.0.1:${ports['GATEHOUSE_GATEWAY_PORT']}`,
      operatorToken: readFileSync(join(runDir, 'operator.token'), 'utf8').trim(),
      outboxDir: join(runDir, 'outbox'),
      processes,
    },
    stop,
  };
}

function readIfThere(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Seven Node processes starting at once on two loaded cores can take minutes. */
async function untilHealthy(baseUrl: string, running: () => boolean, path = '/health'): Promise<void> {
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (!running()) throw new Error(`Gatehouse at ${baseUrl} exited at start`);
    const ok = await fetch(`${baseUrl}${path}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`Gatehouse at ${baseUrl} not ready within 300 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
