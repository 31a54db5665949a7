import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a function lives, short: `node_modules/<package>` or the repository path, with its line. */
function place({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const file = url.includes('node_modules/')
    ? url.slice(url.lastIndexOf('node_modules/') + 13).replace(/^((?:@[^/]+\/)?[^/]+)\/.*$/, '$1')
    : url.replace(/^.*\/dist\//, '').replace(/^file:\/\//, '') || '(native)';
  return `${functionName || '(anonymous)'} ${file}${url && !url.includes('node_modules/') ? `:${lineNumber + 1}` : ''}`;
}

/**
 * Samples that are not the process working: idle, and (a profiler started from inside the process, as the
 * preload does) `dispatch`, the inspector binding V8 names for samples taken while the loop waits.
 */
const notWorking = new Set(['(idle) (native)', 'dispatch (native)', '(program) (native)']);

/** The functions with the most self time in a .cpuprofile, with their share of the busy time. */
export function topSelfTime(file: string, count = 12): { totalMs: number; rows: string[] } {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0;
    totalUs += us;
    const node = byId.get(id);
    if (!node) return;
    const key = place(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
  });
  const busyUs = totalUs - [...notWorking].reduce((sum, key) => sum + (self.get(key) ?? 0), 0);
  const rows = [...self]
    .filter(([key]) => !notWorking.has(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%  ${key}`);
  return { totalMs: busyUs / 1000, rows };
}
