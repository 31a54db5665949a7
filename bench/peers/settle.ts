import { setTimeout as sleep } from 'node:timers/promises';
import type { DrainedCpu, PhaseResult } from './closed-loop';

/**
 * How far above the systems' summed resting rate a second may be and still count as rest: their rate
 * drifts by about a quarter from second to second (timers, GC, /proc's 10 ms ticks across many processes),
 * while work left behind by a phase takes half a core or more.
 */
const DRIFT = 1.25;
const MARGIN_MS_PER_S = 50;
const WINDOW_MS = 1000;

/** Something whose CPU time can be read (ms so far) and its rate at rest (ms a second). */
export interface Meter {
  readonly name: string;
  readonly cpuMs: () => number;
  readonly restingMsPerS: number;
}

/**
 * What something spends on the CPU at rest, in ms a second, averaged over `windows` seconds measured when
 * it has no work (read by cpuMsOf or machineCpuMs, closed-loop.ts): a system just started (a distributed
 * stack's consumers fetch and heartbeat, its services flush logs and meters: 80–150 ms a second here), or
 * the whole machine before any system starts.
 */
export async function restingRate(cpuMs: () => number, windows = 5): Promise<number> {
  const before = cpuMs();
  await sleep(windows * WINDOW_MS);
  return ((cpuMs() - before) * 1000) / (windows * WINDOW_MS);
}

/**
 * Waits, at most `maxMs`, until every meter spends no more than its resting rate (with its drift) over
 * one whole second; returns the names of those still above it at the deadline (none: settled). A phase
 * leaves work behind (projections, reactions, emails, a second stack's seeding backlog), and measured A/B
 * runs showed it landing in the next phase, of whichever system came next: get_user, which writes nothing,
 * came out 7 % apart between two builds that differ only in how they append. The systems' processes alone
 * were not enough: with them at rest, whichever build ran first still won by 10–35 % in two runs with the
 * order swapped, so the machine (the databases and Kafka the systems share) is a meter too. A fixed
 * threshold below the resting rate never passed, so every phase waited the whole `maxMs` and then ran,
 * quiet or not.
 */
export async function settle(meters: readonly Meter[], maxMs = 60_000): Promise<string[]> {
  const limits = meters.map(
    ({ restingMsPerS }) => ((restingMsPerS * DRIFT + MARGIN_MS_PER_S) * WINDOW_MS) / 1000,
  );
  const deadline = performance.now() + maxMs;
  let before = meters.map(({ cpuMs }) => cpuMs());
  for (;;) {
    await sleep(WINDOW_MS);
    const now = meters.map(({ cpuMs }) => cpuMs());
    const busy = meters.filter((_, i) => now[i] - before[i] > limits[i]).map(({ name }) => name);
    if (busy.length === 0 || performance.now() >= deadline) return busy;
    before = now;
  }
}

/** How long a phase's leftovers may take to be worked off before the drained figure is given as a bound. */
const DRAIN_MAX_MS = 30_000;

/**
 * A phase's server CPU per operation with the work it left behind: a system that hands work to reactions
 * and projections (an email per create, the read model's update) can finish the window with a backlog,
 * and the window's figure then counts only part of what its operations cost. Counted from the window's
 * start until the system's processes are back at their resting rate (settle), less that rate over the
 * wait after the window.
 */
export async function drained(result: PhaseResult, system: Meter, maxMs = DRAIN_MAX_MS): Promise<DrainedCpu> {
  const busy = await settle([system], maxMs);
  const waitedS = (performance.now() - result.window.endedAt) / 1000;
  const cpuMs = system.cpuMs() - result.window.cpuAtStartMs - system.restingMsPerS * waitedS;
  return { cpuMsPerOp: result.ops ? cpuMs / result.ops : NaN, settled: busy.length === 0 };
}
