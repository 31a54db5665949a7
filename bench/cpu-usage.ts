import { readdir, readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';

/** utime + stime of a process, in clock ticks (USER_HZ, 100 on Linux). */
type Ticks = Map<string, number>;

export interface CpuSnapshot {
  readonly at: number;
  readonly processes: Ticks;
  readonly machineBusy: number;
  readonly machineTotal: number;
}

const TICK_MS = 10;

/** Servers the stack shares with anything else running here: their figures include that other work. */
const shared: Record<string, string> = { postgres: 'postgres*', 'redis-server': 'redis*', java: 'kafka*' };

/**
 * Where the CPU went during a run, from /proc (Linux; elsewhere the snapshot is empty): this process,
 * each child it started (named by its service), the servers (marked *: shared, and PostgreSQL backends
 * that exit take their ticks with them), and how busy the whole machine was, so a figure taken while
 * other work shared the cores can be recognised as such.
 */
export async function cpuSnapshot(): Promise<CpuSnapshot> {
  const processes: Ticks = new Map();
  const self = await ticksOf(String(process.pid));
  if (self) processes.set('bench', self.ticks);
  for (const pid of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = await ticksOf(pid);
    if (!stat) continue;
    const server = shared[stat.command];
    if (server) {
      processes.set(server, (processes.get(server) ?? 0) + stat.ticks);
      continue;
    }
    if (stat.ppid !== process.pid) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const script = cmdline.split('\0').find((arg) => arg.endsWith('.ts') || arg.endsWith('.js'));
    processes.set(script?.replace(/^.*services\/([^/]+)\/.*$/, '$1') ?? pid, stat.ticks);
  }
  const machine = await readFile('/proc/stat', 'utf8').catch(() => '');
  // user … steal: guest and guest_nice, after them, are already counted in user and nice.
  const fields = (machine.split('\n')[0] ?? '').split(/\s+/).slice(1, 9).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, value) => sum + (value || 0), 0);
  return { at: performance.now(), processes, machineBusy: total - idle, machineTotal: total };
}

/** "users 3.1 ms/op (62% of a core), …; machine 97% busy over 2 cores, other processes ≥ 40% of a core, …". */
export function describeCpu(before: CpuSnapshot, after: CpuSnapshot, operations: number): string {
  const wallMs = after.at - before.at;
  const used = [...after.processes].flatMap(([name, ticks]) => {
    const earlier = before.processes.get(name);
    return earlier === undefined ? [] : [{ name, ms: Math.max(0, ticks - earlier) * TICK_MS }];
  });
  if (used.length === 0) return 'CPU: (no /proc here)';
  const share = (ms: number): string => `${((ms / wallMs) * 100).toFixed(0)}% of a core`;
  const busy =
    (after.machineBusy - before.machineBusy) / Math.max(1, after.machineTotal - before.machineTotal);
  // What none of the above used: other work on this machine competing with the run (a lower bound).
  const others = Math.max(0, busy * cpus().length * wallMs - used.reduce((sum, { ms }) => sum + ms, 0));
  return (
    `CPU: ${used.map(({ name, ms }) => `${name} ${(ms / operations).toFixed(2)} ms/op (${share(ms)})`).join(', ')}; ` +
    `machine ${(busy * 100).toFixed(0)}% busy over ${cpus().length} cores, other processes ≥ ${share(others)}, ` +
    `load ${loadavg()[0].toFixed(1)}`
  );
}

async function ticksOf(pid: string): Promise<{ command: string; ppid: number; ticks: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // Fields after the parenthesised command name (which may itself hold spaces or parentheses).
  const close = stat.lastIndexOf(')');
  const rest = stat.slice(close + 2).split(' ');
  const command = stat.slice(stat.indexOf('(') + 1, close);
  return { command, ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) };
}

/**
 * Waits until the whole machine has been at most `busyShare` busy over a window of `windowMs` (from
 * /proc/stat), or `maxMs` have passed: a timing started while the work before it still settles (PostgreSQL
 * writing out what a seed dirtied, the allocator returning a rebuild's pages) measures that work too.
 * Returns whether it came to rest, how long it waited and how busy the last window was.
 */
export async function untilQuiet({
  busyShare = 0.1,
  windowMs = 2000,
  maxMs = 120_000,
  signal,
}: { busyShare?: number; windowMs?: number; maxMs?: number; signal?: AbortSignal } = {}): Promise<{
  quiet: boolean;
  waitedMs: number;
  busy: number;
}> {
  const started = performance.now();
  let before = await cpuSnapshot();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    signal?.throwIfAborted();
    const after = await cpuSnapshot();
    const busy =
      (after.machineBusy - before.machineBusy) / Math.max(1, after.machineTotal - before.machineTotal);
    const waitedMs = performance.now() - started;
    const quiet = busy <= busyShare;
    if (quiet || waitedMs >= maxMs || after.machineTotal === 0) return { quiet, waitedMs, busy };
    before = after;
  }
}
