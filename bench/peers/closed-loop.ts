import { readdirSync, readFileSync } from 'node:fs';
import { latencyHistogram, percentileMs, recordMs } from '../report';
import { UnexpectedAnswer } from './peer-system';

export interface PhaseTiming {
  readonly warmupMs: number;
  readonly durationMs: number;
}

export interface PhaseResult {
  readonly ops: number;
  readonly opsPerS: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly firstError: string | null;
  /** Server CPU (user + system) per operation, over the system's own processes. */
  readonly cpuMsPerOp: number;
  /**
   * This process's own CPU per operation: the load generator shares the machine's two cores with the
   * systems, so it bounds every ratio (with a server that cost nothing, ops/s would still be 2 cores ÷ this).
   */
  readonly clientCpuMsPerOp: number;
  /** cpuMsPerOp of each process (with its children) by pid: where a multi-process system spends it. */
  readonly cpuMsPerOpByPid: Readonly<Record<number, number>>;
  /** Where the timed window began (the processes' CPU so far) and when it ended: what `drained` counts from. */
  readonly window: { readonly cpuAtStartMs: number; readonly endedAt: number };
  /** cpuMsPerOp with the work the phase left behind counted in (`drained`), once measured. */
  readonly drained?: DrainedCpu;
}

export interface DrainedCpu {
  readonly cpuMsPerOp: number;
  /** False when the processes were still above their resting rate at the deadline: a lower bound then. */
  readonly settled: boolean;
}

/**
 * The harness's timing: `concurrency` workers in a closed loop, untimed warm-up, then a fixed duration;
 * latency from the call to the end of the answer's body; errors counted per answer, not fatal (a client
 * failure such as a refused connection is).
 */
export async function closedLoop(
  timing: PhaseTiming,
  concurrency: number,
  pids: readonly number[],
  operation: (worker: number, iteration: number) => Promise<void>,
): Promise<PhaseResult> {
  const latency = latencyHistogram();
  let errors = 0;
  let firstError: string | null = null;
  let timedOps = 0;
  const cpuByPid = () => pids.map((pid) => cpuMsOf([pid]));
  await untimed(timing.warmupMs, concurrency, operation);
  const before = cpuByPid();
  const cpuBefore = sum(before);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  await inLoop(started + timing.durationMs, concurrency, operation, (began, error) => {
    if (error === undefined) {
      recordMs(latency, performance.now() - began);
      timedOps++;
    } else {
      firstError ??= error.message;
      errors++;
    }
  });
  const endedAt = performance.now();
  const client = process.cpuUsage(clientBefore);
  const wallS = (endedAt - started) / 1000;
  const used = cpuByPid().map((ms, index) => ms - before[index]);
  const cpuMs = sum(used);
  return {
    ops: timedOps,
    opsPerS: timedOps / wallS,
    p50: percentileMs(latency, 50),
    p99: percentileMs(latency, 99),
    errors,
    firstError,
    cpuMsPerOp: timedOps ? cpuMs / timedOps : NaN,
    clientCpuMsPerOp: timedOps ? (client.user + client.system) / 1000 / timedOps : NaN,
    cpuMsPerOpByPid: Object.fromEntries(pids.map((pid, index) => [pid, used[index] / timedOps])),
    window: { cpuAtStartMs: cpuBefore, endedAt },
  };
}

/**
 * The workload in the same closed loop for `ms`, no latency recorded: a phase's warm-up, and the slices of
 * the run's warm-up round (warm-up.ts). Answers how many operations answered as expected.
 */
export async function untimed(
  ms: number,
  concurrency: number,
  operation: (worker: number, iteration: number) => Promise<void>,
): Promise<number> {
  let ops = 0;
  await inLoop(performance.now() + ms, concurrency, operation, (_, error) => {
    if (error === undefined) ops++;
  });
  return ops;
}

/** `concurrency` workers until `untilMs`, each answer (or unexpected answer) told to `done`. */
async function inLoop(
  untilMs: number,
  concurrency: number,
  operation: (worker: number, iteration: number) => Promise<void>,
  done: (began: number, error?: UnexpectedAnswer) => void,
): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < untilMs; iteration++) {
        const began = performance.now();
        try {
          await operation(worker, iteration);
          done(began);
        } catch (error) {
          if (!(error instanceof UnexpectedAnswer)) throw error;
          done(began, error);
        }
      }
    }),
  );
}

const TICK_MS = 10;

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/**
 * utime + stime of the processes and their children (the hashing processes a service forks), from /proc
 * (USER_HZ 100).
 */
export function cpuMsOf(pids: readonly number[]): number {
  let ticks = 0;
  for (const pid of withChildren(pids)) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * TICK_MS;
}

/**
 * CPU time of the whole machine so far (every core: user, nice, system, irq, softirq, steal), from
 * /proc/stat (USER_HZ 100): what the systems' own processes do not show — PostgreSQL, Kafka and Redis
 * working off what a phase left them.
 */
export function machineCpuMs(): number {
  const stat = readFileSync('/proc/stat', 'utf8');
  const [, user, nice, system, , , irq, softirq, steal] = stat
    .slice(0, stat.indexOf('\n'))
    .split(/\s+/)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) * TICK_MS;
}

function withChildren(pids: readonly number[]): number[] {
  return pids.flatMap((pid) => [pid, ...withChildren(childrenOf(pid))]);
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return []; // exited meanwhile
  }
}
