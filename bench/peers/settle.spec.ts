import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpuMsOf, machineCpuMs } from './closed-loop';
import { drained, type Meter, restingRate, settle } from './settle';

/**
 * A process that sleeps, or one that spins a core, until killed, or one that spins until it has used a
 * second of CPU and then sleeps; returned once it has started up.
 */
async function child(work: 'sleep' | 'spin' | 'spin a second'): Promise<ChildProcess> {
  const loops = {
    sleep: 'setInterval(() => {}, 1000)',
    spin: 'for (;;) {}',
    'spin a second': `const cpu = () => process.cpuUsage().user + process.cpuUsage().system;
      const began = cpu();
      while (cpu() - began < 1e6);
      setInterval(() => {}, 1000)`,
  };
  const loop = loops[work];
  const started = spawn(process.execPath, ['-e', `process.stdout.write('ready\\n'); ${loop}`], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await once(started.stdout as NodeJS.ReadableStream, 'data');
  return started;
}

const meter = (process: ChildProcess, restingMsPerS = 0): Meter => ({
  name: `pid ${process.pid}`,
  cpuMs: () => cpuMsOf([process.pid as number]),
  restingMsPerS,
});

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
    expect(await restingRate(meter(sleeping).cpuMs, 2)).toBeLessThan(50);
    // A core is 1,000 ms a second; on two loaded cores the spinner still gets a good share of one.
    expect(await restingRate(meter(spinning).cpuMs, 2)).toBeGreaterThan(100);
  }, 30_000);

  it("counts the whole machine's CPU, a spinning process included", async () => {
    const spinning = await child('spin');
    children.push(spinning);
    const before = { machine: machineCpuMs(), spinner: meter(spinning).cpuMs() };
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const machine = machineCpuMs() - before.machine;
    const spinner = meter(spinning).cpuMs() - before.spinner;
    expect(spinner).toBeGreaterThan(200);
    // Both count in 10 ms ticks, read at slightly different moments.
    expect(machine).toBeGreaterThanOrEqual(spinner - 50);
  }, 30_000);

  it('settles at once when every meter is at its resting rate', async () => {
    const sleeping = await child('sleep');
    children.push(sleeping);
    const started = performance.now();
    expect(await settle([meter(sleeping)], 10_000)).toEqual([]);
    // After its first one-second window, not at the deadline (a busy machine may delay the timer a little).
    expect(performance.now() - started).toBeLessThan(3_000);
  }, 30_000);

  it('names the meters still busy above their resting rate after the longest wait', async () => {
    const [sleeping, spinning] = [await child('sleep'), await child('spin')];
    children.push(sleeping, spinning);
    const started = performance.now();
    expect(await settle([meter(sleeping), meter(spinning)], 2_500)).toEqual([`pid ${spinning.pid}`]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2_500);
  }, 30_000);

  it('counts what a phase left behind into its CPU per operation, until the process is back at rest', async () => {
    const spinning = await child('spin a second');
    children.push(spinning);
    const window = { cpuAtStartMs: meter(spinning).cpuMs(), endedAt: performance.now() };
    const phase = {
      ops: 10,
      opsPerS: 10,
      p50: 1,
      p99: 1,
      errors: 0,
      firstError: null,
      cpuMsPerOp: 0,
      clientCpuMsPerOp: 0,
      cpuMsPerOpByPid: {},
      window,
    };

    const left = await drained(phase, meter(spinning), 20_000);

    expect(left.settled).toBe(true);
    // About a second of CPU over ten operations, read in 10 ms ticks from just after the spin began.
    expect(left.cpuMsPerOp).toBeGreaterThan(60);
    expect(left.cpuMsPerOp).toBeLessThan(130);
  }, 60_000);
});
