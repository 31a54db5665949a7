import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { restingRate, settle } from './settle';

/** A process that sleeps, or one that spins a core, until killed; returned once it has started up. */
async function child(work: 'sleep' | 'spin'): Promise<ChildProcess> {
  const loop = work === 'sleep' ? 'setInterval(() => {}, 1000)' : 'for (;;) {}';
  const started = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); ${loop}`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await once(started.stdout as NodeJS.ReadableStream, 'data');
  return started;
}

describe('settling the peers bench between phases', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const running of children.splice(0)) {
      running.kill('SIGKILL');
      if (running.exitCode === null && running.signalCode === null) await once(running, 'exit');
    }
  });

  it('measures a sleeping process at rest, and one spinning a core far above it', async () => {
    const [sleeping, spinning] = [await child('sleep'), await child('spin')];
    children.push(sleeping, spinning);
    expect(await restingRate(() => [sleeping.pid as number], 2)).toBeLessThan(50);
    // A core is 1,000 ms a second; on two loaded cores the spinner still gets a good share of one.
    expect(await restingRate(() => [spinning.pid as number], 2)).toBeGreaterThan(100);
  }, 30_000);

  it('settles at once when every process is at its resting rate', async () => {
    const sleeping = await child('sleep');
    children.push(sleeping);
    const started = performance.now();
    expect(await settle(() => [sleeping.pid as number], 0, 10_000)).toBe(true);
    // After its first one-second window, not at the deadline (a busy machine may delay the timer a little).
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 30_000);

  it('gives up after the longest wait while a process stays busy above its resting rate', async () => {
    const spinning = await child('spin');
    children.push(spinning);
    expect(await settle(() => [spinning.pid as number], 0, 2_500)).toBe(false);
  }, 30_000);
});
