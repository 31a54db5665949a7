import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMsOf } from './closed-loop';

/**
 * How far above the systems' summed resting rate a second may be and still count as rest: their rate
 * drifts by about a quarter from second to second (timers, GC, /proc's 10 ms ticks across many processes),
 * while work left behind by a phase takes half a core or more.
 */
const DRIFT = 1.25;
const MARGIN_MS_PER_S = 50;
const WINDOW_MS = 1000;

/**
 * What a system's processes spend on the CPU at rest, in ms a second, averaged over `windows` seconds
 * measured when it has just started and has no work. Resting is not zero: a distributed stack's Kafka
 * consumers fetch and heartbeat, its services flush logs and meters: 100–180 ms a second here.
 */
export async function restingRate(pids: () => readonly number[], windows = 5): Promise<number> {
  const before = cpuMsOf(pids());
  await sleep(windows * WINDOW_MS);
  return ((cpuMsOf(pids()) - before) * 1000) / (windows * WINDOW_MS);
}

/**
 * Waits, at most `maxMs`, until the systems' processes spend no more than their summed resting rate (with
 * its drift) over a whole second; says whether they got there. A phase leaves work behind (projections,
 * reactions, emails, a second stack's seeding backlog), and measured A/B runs showed it landing in the next
 * phase, of whichever system came next: get_user, which writes nothing, came out 7 % apart between two
 * builds that differ only in how they append. A fixed threshold below the systems' resting rate never
 * passed, so every phase waited the whole `maxMs` and then ran, quiet or not.
 */
export async function settle(
  pids: () => readonly number[],
  restingMsPerS: number,
  maxMs = 60_000,
): Promise<boolean> {
  const limit = ((restingMsPerS * DRIFT + MARGIN_MS_PER_S) * WINDOW_MS) / 1000;
  const deadline = performance.now() + maxMs;
  let before = cpuMsOf(pids());
  while (performance.now() < deadline) {
    await sleep(WINDOW_MS);
    const now = cpuMsOf(pids());
    if (now - before <= limit) return true;
    before = now;
  }
  return false;
}
