import { loadavg } from 'node:os';
import { verdict } from '../report';
import type { PhaseResult } from './closed-loop';
import type { WorkloadName } from './workloads';

/** Results of one run: workload → concurrency → system → figures. */
export type Results = Map<WorkloadName, Map<number, Map<string, PhaseResult>>>;

/** The issue's targets, as multiples of Keycloak's ops/s. */
export function target(workload: WorkloadName, system: string): number {
  if (workload === 'login') return 1.2;
  return system.startsWith('embedded') ? 4 : 2;
}

/** The drained CPU figure; `≥` when the system had not settled by the deadline. */
export const drainedCpu = (r: PhaseResult | undefined): string =>
  r?.drained ? `${r.drained.settled ? '' : '≥ '}${r.drained.cpuMsPerOp.toFixed(2)}` : '–';

const cell = (r: PhaseResult | undefined) =>
  r
    ? `${r.opsPerS.toFixed(1)} · ${r.p50.toFixed(1)} · ${r.p99.toFixed(1)}${r.errors ? ` · ${r.errors} ERR` : ''}`
    : '–';

/**
 * A markdown table: each system's ops/s · p50 · p99 ms, Gatehouse ÷ Keycloak ops/s against its target,
 * server CPU per operation, in the window and with what the window left behind (`drained`), and the load
 * generator's (this process's) CPU per operation; uptime's load average beside it, as the figures are
 * shared-machine ones.
 */
export function printRatioTable(results: Results, systems: readonly string[]): boolean {
  const gatehouse = systems.filter((name) => name !== 'keycloak');
  const withKeycloak = systems.includes('keycloak');
  console.log(
    `\nload average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')} (uptime)`,
  );
  const header = [
    'workload',
    'C',
    ...systems.map((name) => `${name} ops/s · p50 · p99 ms`),
    ...(withKeycloak ? gatehouse.map((name) => `${name} / KC (target)`) : []),
    `server CPU ms/op ${systems.join(' / ')}`,
    `… with what the phase left`,
    `load generator CPU ms/op ${systems.join(' / ')}`,
  ];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  let pass = true;
  for (const [workload, byConcurrency] of results) {
    for (const [c, bySystem] of byConcurrency) {
      const ratios = withKeycloak
        ? gatehouse.map((name) => {
            const ours = bySystem.get(name);
            const theirs = bySystem.get('keycloak');
            if (!ours || !theirs) return '–';
            const ratio = ours.opsPerS / theirs.opsPerS;
            const met = ratio >= target(workload, name) && ours.errors === 0 && theirs.errors === 0;
            pass &&= met;
            return `**${ratio.toFixed(2)}×** (≥ ${target(workload, name)}) ${verdict(met)}`;
          })
        : [];
      const cpu = systems.map((name) => bySystem.get(name)?.cpuMsPerOp.toFixed(2) ?? '–').join(' / ');
      const left = systems.map((name) => drainedCpu(bySystem.get(name))).join(' / ');
      const client = systems
        .map((name) => bySystem.get(name)?.clientCpuMsPerOp.toFixed(2) ?? '–')
        .join(' / ');
      const row = [
        workload,
        String(c),
        ...systems.map((name) => cell(bySystem.get(name))),
        ...ratios,
        cpu,
        left,
        client,
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
  }
  return pass;
}
