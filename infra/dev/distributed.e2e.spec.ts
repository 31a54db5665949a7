import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, removeStackData, testEnv, uniqueName } from '@gatehouse/testing';

const run = promisify(execFile);
const launcher = join(__dirname, 'distributed.sh');
const services = ['users', 'roles', 'invites', 'access-control', 'projections', 'relay', 'gateway'] as const;
/** Second instances, on their service's port + 10. */
const seconds = ['users', 'relay'] as const;

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`);

/** Whether anything accepts connections on the port. */
const bound = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function answers(port: number, path = '/ready'): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

describe('the distributed launcher', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'gatehouse-run-'));
  const name = uniqueName('gh_launch');
  let ports: Record<Exclude<(typeof services)[number], 'access-control'> | 'access', number>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ports = {
      users: await freePort(),
      roles: await freePort(),
      invites: await freePort(),
      access: await freePort(),
      projections: await freePort(),
      relay: await freePort(),
      gateway: await freePort(),
    };
    env = {
      ...process.env,
      PORT: '1', // must not reach any service: each has its own setting
      GATEHOUSE_RUN_DIR: runDir,
      GATEHOUSE_USERS_PORT: String(ports.users),
      GATEHOUSE_ROLES_PORT: String(ports.roles),
      GATEHOUSE_INVITES_PORT: String(ports.invites),
      GATEHOUSE_ACCESS_PORT: String(ports.access),
      GATEHOUSE_PROJECTIONS_PORT: String(ports.projections),
      GATEHOUSE_RELAY_PORT: String(ports.relay),
      GATEHOUSE_GATEWAY_PORT: String(ports.gateway),
      GATEHOUSE_USERS_INSTANCES: '2',
      GATEHOUSE_RELAY_INSTANCES: '2',
      GATEHOUSE_NO_BUILD: '1',
      GATEHOUSE_PG_URL: testEnv.pgUrl,
      GATEHOUSE_PG_SCHEMA: name,
      GATEHOUSE_REDIS_URL: testEnv.redisUrl,
      GATEHOUSE_REDIS_PREFIX: `${name}:`,
      GATEHOUSE_KAFKA_BROKERS: testEnv.kafkaBrokers.join(','),
      GATEHOUSE_TOPIC_PREFIX: `${name}.`,
    };
    delete env['GATEHOUSE_OUTBOX_DIR'];
  });

  afterAll(async () => {
    await run('bash', [launcher, 'stop'], { env });
    rmSync(runDir, { recursive: true, force: true });
    await removeStackData(name);
  });

  describe('when started with its own ports, run dir and two users and relay instances', () => {
    it('serves there, keeps its files there, and leaves no process or port behind when stopped', async () => {
      await run('bash', [launcher, 'start'], { env });
      const names = [...services, ...seconds.map((service) => `${service}-1`)];
      const pids = names.map((name) => Number(readFileSync(join(runDir, `${name}.pid`), 'utf8')));
      const instancePorts = [...Object.values(ports), ...seconds.map((service) => ports[service] + 10)];
      // Nine Node processes start at once: on two loaded cores that takes minutes, not seconds.
      const deadline = Date.now() + 240_000;
      // A standby relay is alive but not ready (it does not lead), so second instances answer /health.
      while (
        !(
          await Promise.all([
            ...Object.values(ports).map((port) => answers(port)),
            ...seconds.map((service) => answers(ports[service] + 10, '/health')),
          ])
        ).every(Boolean)
      ) {
        if (Date.now() > deadline)
          throw new Error(readFileSync(join(runDir, 'users.log'), 'utf8').slice(-3000));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const usersEnv = readFileSync(`/proc/${pids[0]}/environ`, 'utf8').split('\0');
      expect(usersEnv).toContain(`GATEHOUSE_OUTBOX_DIR=${join(runDir, 'outbox')}`);
      const gatewayEnv = readFileSync(`/proc/${pids[4]}/environ`, 'utf8').split('\0');
      expect(gatewayEnv).toContain(
        `GATEHOUSE_USERS_URL=http://127.0.0.1:${ports.users},http://127.0.0.1:${ports.users + 10}`,
      );
      for (const file of ['session.key', 'operator.token', ...names.map((name) => `${name}.log`)]) {
        expect(existsSync(join(runDir, file))).toBe(true);
      }

      await run('bash', [launcher, 'stop'], { env });
      expect(pids.filter(alive)).toEqual([]);
      for (const port of instancePorts) expect(await bound(port)).toBe(false);
      expect(names.filter((name) => existsSync(join(runDir, `${name}.pid`)))).toEqual([]);
    }, 360_000);
  });
});
