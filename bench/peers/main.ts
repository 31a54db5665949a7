import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureKafka } from '../kafka';
import { heading, verdict } from '../report';
import { closedLoop, cpuMsOf, machineCpuMs, type PhaseResult } from './closed-loop';
import { Gatehouse, type GatehouseProcess } from './gatehouse';
import { Keycloak } from './keycloak';
import { loginBurst } from './login-burst';
import type { PeerSystem } from './peer-system';
import { Profiler } from './profiler';
import { drainedCpu, printRatioTable, type Results } from './ratio-table';
import { drained, type Meter, restingRate, settle } from './settle';
import { repoRoot, type Running, startDistributed, startEmbedded, startKeycloak } from './servers';
import { warmUpRound } from './warm-up';
import { prepare, type Prepared, workload, type WorkloadName, workloadNames } from './workloads';

/**
 * `npm run bench:peers`: Keycloak (the shared harness), Gatehouse embedded and Gatehouse distributed
 * side by side in one run, the same workloads at C=1 and C=16, each workload measured on every system in
 * turn (in reverse every other phase) so that load from elsewhere on the machine falls on all of them
 * alike, each phase once the systems and the machine are back at rest (settle.ts), a distributed phase with
 * its server CPU by service; then the ratio table, the login-burst check and (PEERS_PROFILE=1) CPU profiles
 * of the Gatehouse processes.
 *   PEERS_SYSTEMS (keycloak,embedded,distributed), PEERS_WORKLOADS (all), PEERS_CONC (1,16),
 *   PEERS_DURATION_S (10), PEERS_WARMUP_S (3), PEERS_ROUND_WARMUP_S (at most 120 a workload and system,
 *   0 for none; warm-up.ts),
 *   PEERS_SEED_USERS (5000), PEERS_LOGIN_USERS (32),
 *   PEERS_PROFILE=1 (profiles of list, get, create, manipulate and login at the highest concurrency, every
 *   Gatehouse process of both modes);
 *   GATEHOUSE_NO_BUILD=1 runs the dist/ folders as they are;
 *   PEERS_BASELINE_DIR=<another checkout> adds its embedded and distributed modes (embedded@base,
 *   distributed@base), those of them PEERS_SYSTEMS lists, to the same run: an optimisation's before and
 *   after under the same load.
 */
const setting = (name: string, fallback: string) => process.env[name] ?? fallback;
const baseline = process.env['PEERS_BASELINE_DIR'];
const listed = setting('PEERS_SYSTEMS', 'keycloak,embedded,distributed').split(',');
const systems = [
  ...listed,
  ...(baseline
    ? ['embedded', 'distributed'].filter((mode) => listed.includes(mode)).map((mode) => `${mode}@base`)
    : []),
];
const workloads = setting('PEERS_WORKLOADS', workloadNames.join(',')).split(',') as WorkloadName[];
const concurrencies = setting('PEERS_CONC', '1,16').split(',').map(Number);
const timing = {
  warmupMs: Number(setting('PEERS_WARMUP_S', '3')) * 1000,
  durationMs: Number(setting('PEERS_DURATION_S', '10')) * 1000,
};
const roundWarmupMs = Number(setting('PEERS_ROUND_WARMUP_S', '120')) * 1000;
const seedUsers = Number(setting('PEERS_SEED_USERS', '5000'));
const loginUsers = Number(setting('PEERS_LOGIN_USERS', '32'));
const resultsDir = join(__dirname, '../results', `peers-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const profiler = process.env['PEERS_PROFILE'] === '1' ? new Profiler(join(resultsDir, 'profiles')) : null;
const profiled: readonly WorkloadName[] = [
  'list_page50',
  'get_user',
  'create_user',
  'manipulate_user',
  'login',
];

/**
 * The systems and the machine back at their resting rates (measured as each started, and before any did)
 * before a measured phase starts (see settle.ts), or a line saying which was not.
 */
async function settled(meters: readonly Meter[], phase: string): Promise<void> {
  const busy = await settle(meters);
  if (busy.length > 0) console.log(`(${busy.join(' and ')} still busy after 60 s; ${phase} runs anyway)`);
}

async function main(): Promise<void> {
  const unknown = workloads.filter((name) => !workloadNames.includes(name));
  if (unknown.length) throw new Error(`PEERS_WORKLOADS: unknown ${unknown.join(', ')}`);
  mkdirSync(resultsDir, { recursive: true });
  heading(`Peers: ${systems.join(', ')} side by side (${new Date().toISOString()}, node ${process.version})`);
  // GATEHOUSE_NO_BUILD=1, as for the launcher: another run's processes may be using these dist/ folders.
  for (const root of process.env['GATEHOUSE_NO_BUILD'] === '1'
    ? []
    : [repoRoot, ...(baseline ? [baseline] : [])])
    execFileSync(process.execPath, [join(root, 'tools/build.js')], { cwd: root, stdio: 'ignore' });
  ensureKafka();
  const machineResting = await restingRate(machineCpuMs);
  console.log(`machine: resting at ${machineResting.toFixed(0)} ms of CPU a second before any system starts`);
  const running: Running<unknown>[] = [];
  const stopAll = () =>
    Promise.allSettled(
      running
        .splice(0)
        .reverse()
        .map((server) => server.stop()),
    );
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));
  try {
    const prepared: Prepared[] = [];
    const targets = new Map<string, GatehouseProcess>();
    const restingOf = new Map<string, number>();
    for (const name of systems) {
      const system = await start(name, running, targets);
      const rate = await restingRate(() => cpuMsOf(system.pids()));
      console.log(`${name}: resting at ${rate.toFixed(0)} ms of CPU a second`);
      restingOf.set(name, rate);
      prepared.push(await prepare(system, seedUsers, loginUsers));
    }
    const resting = [...restingOf.values()].reduce((sum, rate) => sum + rate, 0);
    const meters: Meter[] = [
      {
        name: 'the systems',
        cpuMs: () => cpuMsOf(prepared.flatMap(({ system }) => system.pids())),
        restingMsPerS: resting,
      },
      { name: 'the machine', cpuMs: machineCpuMs, restingMsPerS: machineResting + resting },
    ];
    await warmUpRound(prepared, workloads, Math.max(...concurrencies), roundWarmupMs);
    const results: Results = new Map();
    let phase = 0;
    for (const name of workloads) {
      const byConcurrency = new Map<number, Map<string, PhaseResult>>();
      results.set(name, byConcurrency);
      for (const c of concurrencies) {
        const bySystem = new Map<string, PhaseResult>();
        byConcurrency.set(c, bySystem);
        // Every other phase in reverse order: whatever a phase leaves behind for the next falls on each
        // system alike, the first of one phase being the last of the next.
        for (const one of phase++ % 2 === 0 ? prepared : [...prepared].reverse()) {
          const target = targets.get(one.system.name);
          const profile =
            profiler && target && profiled.includes(name) && c === Math.max(...concurrencies)
              ? { profiler, target }
              : null;
          await settled(meters, `${one.system.name} ${name} C=${c}`);
          await profile?.profiler.start(`${name}.${profile.target.name}`, profile.target);
          const timed = await closedLoop(timing, c, one.system.pids(), workload(name, one, c));
          await profile?.profiler.stop(profile.target);
          const pids = one.system.pids();
          const result = {
            ...timed,
            drained: await drained(timed, {
              name: one.system.name,
              cpuMs: () => cpuMsOf(pids),
              restingMsPerS: restingOf.get(one.system.name) ?? 0,
            }),
          };
          bySystem.set(one.system.name, result);
          console.log(
            `${one.system.name.padEnd(11)} ${name.padEnd(15)} C=${String(c).padEnd(3)} ${result.opsPerS.toFixed(1).padStart(8)}/s ` +
              `p50 ${result.p50.toFixed(1)} p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors` +
              `${result.firstError ? ` (${result.firstError})` : ''}, server CPU ${result.cpuMsPerOp.toFixed(2)} ms/op, ` +
              `${drainedCpu(result)} with what it left`,
          );
          const processes = target?.processes() ?? [];
          if (processes.length > 1) console.log(`  ${cpuByService(processes, result)}`);
        }
      }
    }
    heading(
      'Ratios (Gatehouse ÷ Keycloak ops/s; targets: login ≥ 1.2×, others ≥ 4× embedded, ≥ 2× distributed)',
    );
    const pass = printRatioTable(results, systems);
    const manipulate = results.get('manipulate_user');
    const embedded = manipulate ? [...manipulate.values()].map((bySystem) => bySystem.get('embedded')) : [];
    const best = Math.max(0, ...embedded.map((result) => result?.opsPerS ?? 0));
    if (embedded.length)
      console.log(
        `manipulate_user embedded: ${best.toFixed(0)} iterations/s (target ≥ 500) ${verdict(best >= 500)}`,
      );
    for (const one of prepared.filter(({ system }) => system.name !== 'keycloak')) {
      await settled(meters, `${one.system.name} login burst`);
      await loginBurst(one, timing);
    }
    if (profiler) profiler.summarise();
    writeFileSync(join(resultsDir, 'results.json'), JSON.stringify(serialisable(results), null, 2));
    console.log(
      `\nresults: ${resultsDir} — ${!systems.includes('keycloak') ? 'no Keycloak, no ratios' : pass ? 'every ratio target met' : 'some ratio targets missed'}`,
    );
  } finally {
    await stopAll();
  }
}

async function start(
  name: string,
  running: Running<unknown>[],
  targets: Map<string, GatehouseProcess>,
): Promise<PeerSystem> {
  if (name === 'keycloak') {
    const keycloak = startKeycloak();
    running.push(keycloak);
    return new Keycloak(keycloak.system.baseUrl, keycloak.system.pid);
  }
  const [mode, from] = name.split('@');
  const starter = { embedded: startEmbedded, distributed: startDistributed }[mode];
  if (!starter) throw new Error(`PEERS_SYSTEMS: unknown system ${name}`);
  const root = from === 'base' && baseline ? baseline : repoRoot;
  const server = await starter(name, root, profiler ? profiler.env : {});
  running.push(server);
  targets.set(name, server.system);
  return new Gatehouse(server.system);
}

/** "gateway 0.27, users 0.29, … ms/op": the phase's server CPU by service (distributed mode). */
function cpuByService(processes: ReturnType<GatehouseProcess['processes']>, result: PhaseResult): string {
  const byService = processes.map(
    ({ pid, service }) => `${service} ${(result.cpuMsPerOpByPid[pid] ?? NaN).toFixed(2)}`,
  );
  return `server CPU by service: ${byService.join(', ')} ms/op`;
}

function serialisable(results: Results) {
  return Object.fromEntries(
    [...results].map(([name, byC]) => [
      name,
      Object.fromEntries([...byC].map(([c, bySystem]) => [c, Object.fromEntries(bySystem)])),
    ]),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
