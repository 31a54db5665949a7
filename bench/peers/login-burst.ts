import { verdict } from '../report';
import { closedLoop, type PhaseTiming } from './closed-loop';
import { type Prepared, workload } from './workloads';

const READERS = 4;
const LOGINS = 16;

/**
 * The burst check: get-user p99 (C=4) while 16 clients log in back to back stays within 2× its
 * quiet p99 — hashing is bounded (GATEHOUSE_HASH_CONCURRENCY), so logins queue instead of starving reads.
 */
export async function loginBurst(prepared: Prepared, timing: PhaseTiming): Promise<boolean> {
  const { system } = prepared;
  if (prepared.withPassword.length < LOGINS) {
    // The login workload would throw before its first request while the readers run, and the run would
    // end in their reset connections instead of this line.
    console.log(`login burst, ${system.name}: not run (needs PEERS_LOGIN_USERS ≥ ${LOGINS})`);
    return false;
  }
  const reads = () => workload('get_user', prepared, READERS);
  const quiet = await closedLoop(timing, READERS, system.pids(), reads());
  const [busy, logins] = await Promise.all([
    closedLoop(timing, READERS, system.pids(), reads()),
    closedLoop(timing, LOGINS, system.pids(), workload('login', prepared, LOGINS)),
  ]);
  const ratio = busy.p99 / quiet.p99;
  const pass = ratio <= 2 && busy.errors + logins.errors + quiet.errors === 0;
  console.log(
    `login burst, ${system.name}: get-user p99 ${quiet.p99.toFixed(1)} ms quiet, ${busy.p99.toFixed(1)} ms during ` +
      `${logins.opsPerS.toFixed(1)} logins/s (C=${LOGINS}): ${ratio.toFixed(2)}× (target ≤ 2×) ${verdict(pass)}; ` +
      `get-user ${quiet.opsPerS.toFixed(0)} → ${busy.opsPerS.toFixed(0)}/s`,
  );
  return pass;
}
