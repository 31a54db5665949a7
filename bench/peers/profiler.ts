import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { heading } from '../report';
import { flameTree, topSelfTime } from './cpu-profile-summary';
import type { GatehouseProcess } from './gatehouse';

const preload = join(__dirname, '../../dist/bench/peers/cpu-profiler.preload.js');

/** CPU profiles of every Gatehouse process over one workload's window (see the preload). */
export class Profiler {
  private label = '';
  private services: string[] = [];

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  get env(): NodeJS.ProcessEnv {
    return { NODE_OPTIONS: `--require ${preload}`, PEERS_PROFILE_DIR: this.dir };
  }

  async start(label: string, target: GatehouseProcess): Promise<void> {
    this.label = label;
    writeFileSync(join(this.dir, 'label'), label);
    const processes = target.processes();
    this.services = processes.map(({ service }) => service);
    for (const { pid } of processes) process.kill(pid, 'SIGWINCH');
  }

  async stop(target: GatehouseProcess): Promise<void> {
    for (const { pid } of target.processes()) process.kill(pid, 'SIGWINCH');
    const deadline = Date.now() + 60_000;
    const file = (service: string) => join(this.dir, `${this.label}.${service}.cpuprofile`);
    while (!this.services.every((service) => existsSync(file(service)))) {
      if (Date.now() > deadline) throw new Error(`profiles of ${this.label} not written within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Per process and workload, the top self-time functions and the flame graph as text (flameTree); the
   * files open in DevTools or speedscope as flame charts.
   */
  summarise(): void {
    heading(`CPU profiles (top self time and flame graph per process; files in ${this.dir})`);
    for (const file of readdirSync(this.dir)
      .filter((name) => name.endsWith('.cpuprofile'))
      .sort()) {
      const { totalMs, rows } = topSelfTime(join(this.dir, file));
      const flame = flameTree(join(this.dir, file));
      console.log(
        `\n${file}: ${totalMs.toFixed(0)} ms on CPU\n${rows.join('\n')}\nflame graph:\n${flame.join('\n')}`,
      );
    }
  }
}
