import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, removeStackData, testEnv, uniqueName } from '@gatehouse/testing';

const run = promisify(execFile);
const launcher = join(__dirname, 'distributed.sh');
const services = ['users', 'roles', 'access-control', 'projections', 'relay', 'gateway'] as const;

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`);

/** Whether anything accepts connections on the port. */
const bound = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => socket.end(() => resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/ready`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

describe('the distributed launcher', () => {
  const runDir = mkdtempSync(join(tmpdir(), 'gatehouse-run-'));
  const name = uniqueName('gh_launch');
  let ports: {
    users: number;
    roles: number;
    access: number;
    projections: number;
    relay: number;
    gateway: number;
  };
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    ports = {
      users: await freePort(),
      roles: await freePort(),
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
      GATEHOUSE_ACCESS_PORT: String(ports.access),
      GATEHOUSE_PROJECTIONS_PORT: String(ports.projections),
      GATEHOUSE_RELAY_PORT: String(ports.relay),
      GATEHOUSE_GATEWAY_PORT: String(ports.gateway),
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

  describe('when started with its own ports and run dir', () => {
    it('serves there, keeps its files there, and leaves no process or port behind when stopped', async () => {
      await run('bash', [launcher, 'start'], { env });
      const pids = services.map((service) => Number(readFileSync(join(runDir, `${service}.pid`), 'utf8')));
      const deadline = Date.now() + 60_000;
      while (!(await Promise.all(Object.values(ports).map(answers))).every(Boolean)) {
        if (Date.now() > deadline)
          throw new Error(readFileSync(join(runDir, 'users.log'), 'utf8').slice(-3000));
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const usersEnv = readFileSync(`/proc/${pids[0]}/environ`, 'utf8').split('\0');
      expect(usersEnv).toContain(`GATEHOUSE_OUTBOX_DIR=${join(runDir, 'outbox')}`);
      for (const file of ['session.key', 'operator.token', ...services.map((service) => `${service}.log`)]) {
        expect(existsSync(join(runDir, file))).toBe(true);
      }

      await run('bash', [launcher, 'stop'], { env });
      expect(pids.filter(alive)).toEqual([]);
      for (const port of Object.values(ports)) expect(await bound(port)).toBe(false);
      expect(services.filter((service) => existsSync(join(runDir, `${service}.pid`)))).toEqual([]);
    }, 120_000);
  });
});
