import { untimed } from './closed-loop';
import { type Prepared, workload, type WorkloadName } from './workloads';

/** Each warm-up slice's length: long enough for a few hundred operations of the slowest workload. */
const SLICE_MS = 5000;
/** A slice this much faster than every one before it means the system is still warming. */
const GAIN = 1.05;

/**
 * Whether the rates of a workload's warm-up slices (ops/s, in order) show a system at its steady rate: the
 * last two slices each no more than 5 % faster than the best before it. Two, because Keycloak's get by id
 * paused near 990/s for a slice (985, 991) on its way to 2,781.
 */
export function steady(rates: readonly number[]): boolean {
  const settledAt = (end: number) => rates[end] <= GAIN * Math.max(...rates.slice(0, end));
  return rates.length >= 3 && settledAt(rates.length - 2) && settledAt(rates.length - 1);
}

/**
 * Before the first measured phase, every workload on every system at concurrency `c`, unmeasured, in slices
 * of 5 s until its rate stops climbing (`steady`) or `maxMs` has passed; prints each one's slice rates.
 * Both JITs compile what they run, at their own pace: Gatehouse's embedded create reached its steady rate
 * after about 16 s of creates (372 → 525/s at C=1), and Keycloak's get by user id went from 261 to 2,781/s
 * over six 13 s phases at C=16, still climbing. A phase's own few seconds of warm-up measured both part
 * compiled, each by an amount that depended on which workloads had happened to run before it.
 */
export async function warmUpRound(
  prepared: readonly Prepared[],
  workloads: readonly WorkloadName[],
  c: number,
  maxMs: number,
): Promise<void> {
  if (maxMs <= 0) return;
  for (const one of prepared) {
    for (const name of workloads) {
      const operation = workload(name, one, c);
      const rates: number[] = [];
      const deadline = performance.now() + maxMs;
      while (!steady(rates) && performance.now() < deadline) {
        rates.push((await untimed(SLICE_MS, c, operation)) / (SLICE_MS / 1000));
      }
      const shown = rates.map((rate) => rate.toFixed(0)).join(', ');
      console.log(
        `warm-up ${one.system.name} ${name} C=${c}: ${shown} ops/s ${steady(rates) ? 'steady' : '(still climbing at the cap)'}`,
      );
    }
  }
}
