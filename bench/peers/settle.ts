import { setTimeout as sleep } from 'node:timers/promises';
import { cpuMsOf } from './closed-loop';

/** Below this, summed over every system's processes, nothing is catching up (idle timers, GC). */
const IDLE_CPU_MS_PER_S = 50;
const WINDOW_MS = 1000;

/**
 * Waits, at most `maxMs`, until the systems' processes are idle over a whole second; says whether they got
 * there. A phase leaves work behind (projections, reactions, emails, a second stack's seeding backlog), and
 * measured A/B runs showed it landing in the next phase, of whichever system came next: get_user, which
 * writes nothing, came out 7 % apart between two builds that differ only in how they append.
 */
export async function settle(pids: () => readonly number[], maxMs = 60_000): Promise<boolean> {
  const deadline = performance.now() + maxMs;
  let before = cpuMsOf(pids());
  while (performance.now() < deadline) {
    await sleep(WINDOW_MS);
    const now = cpuMsOf(pids());
    if (now - before <= IDLE_CPU_MS_PER_S) return true;
    before = now;
  }
  return false;
}
