import { argon2id } from 'argon2';
import { readdirSync, readFileSync } from 'node:fs';
import { HashingProcesses } from './hashing-processes';

const options = { type: argon2id, memoryCost: 7168, timeCost: 5, parallelism: 1 };
jest.setTimeout(60_000);

/** The nice value of every thread of a process that has used any CPU, from /proc. */
function busyThreadsNice(pid: number): number[] {
  return readdirSync(`/proc/${pid}/task`).flatMap((task) => {
    const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]) > 0 ? [Number(fields[16])] : [];
  });
}

function childPids(): number[] {
  return readdirSync(`/proc/${process.pid}/task`).flatMap((task) =>
    readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );
}

describe('hashing processes', () => {
  const pools: HashingProcesses[] = [];
  const pool = (nice: number) => {
    const made = new HashingProcesses(1, nice);
    pools.push(made);
    return made;
  };
  afterAll(() => pools.forEach((made) => made.close()));

  it('hash and verify in a child whose working threads run niced', async () => {
    const before = new Set(childPids());
    const hashing = pool(7);
    const digest = await hashing.hash('correct horse', options);
    expect(await hashing.verify(digest, 'correct horse')).toBe(true);
    expect(await hashing.verify(digest, 'wrong horse')).toBe(false);
    const [child] = childPids().filter((pid) => !before.has(pid));
    const nice = busyThreadsNice(child);
    // The main thread and the thread-pool thread that hashed, at least; all niced.
    expect(nice.length).toBeGreaterThanOrEqual(2);
    expect(new Set(nice)).toEqual(new Set([7]));
  });

  it('fail the hash in flight when their child dies, and start another for the next', async () => {
    const before = new Set(childPids());
    const hashing = pool(0);
    await hashing.hash('warm up', options);
    const [child] = childPids().filter((pid) => !before.has(pid));
    const inFlight = hashing.hash('correct horse', options);
    process.kill(child, 'SIGKILL');
    await expect(inFlight).rejects.toThrow(/hashing process exited/);
    expect(await hashing.hash('correct horse', options)).toMatch(/^\$argon2id\$/);
  });
});
