import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
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

/** A .cpuprofile's nodes by id, and the sampled time spent in each node itself. */
function readProfile(file: string) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<ProfileNode, number>();
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    if (node) selfUs.set(node, (selfUs.get(node) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  return { root: profile.nodes[0], byId, selfUs };
}

/** The functions with the most self time in a .cpuprofile, with their share of the busy time. */
export function topSelfTime(file: string, count = 12): { totalMs: number; rows: string[] } {
  const { selfUs } = readProfile(file);
  const self = new Map<string, number>();
  let totalUs = 0;
  for (const [node, us] of selfUs) {
    totalUs += us;
    const key = place(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + us);
  }
  const busyUs = totalUs - [...notWorking].reduce((sum, key) => sum + (self.get(key) ?? 0), 0);
  const rows = [...self]
    .filter(([key]) => !notWorking.has(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${((us / busyUs) * 100).toFixed(1).padStart(5)}%  ${key}`);
  return { totalMs: busyUs / 1000, rows };
}

/**
 * A flame graph as text: the call tree from the root down, each frame with its inclusive share of the busy
 * time, children widest first, frames under `minShare` left out. A frame whose time goes almost all to one
 * child shares its line with it (`a › b`), as a flame graph stacks them; long runs keep their ends.
 */
export function flameTree(file: string, minShare = 0.03): string[] {
  const { root, byId, selfUs } = readProfile(file);
  const childrenOf = (node: ProfileNode) => (node.children ?? []).map((id) => byId.get(id) as ProfileNode);
  const inclusiveUs = new Map<ProfileNode, number>();
  const inclusive = (node: ProfileNode): number => {
    const known = inclusiveUs.get(node);
    if (known !== undefined) return known;
    const us = childrenOf(node).reduce((sum, child) => sum + inclusive(child), selfUs.get(node) ?? 0);
    inclusiveUs.set(node, us);
    return us;
  };
  if (!root) return [];
  const working = (node: ProfileNode) => !notWorking.has(place(node.callFrame));
  const busyUs = childrenOf(root)
    .filter(working)
    .reduce((sum, node) => sum + inclusive(node), 0);
  const lines: string[] = [];
  const shown = (node: ProfileNode) =>
    childrenOf(node)
      .filter((child) => working(child) && inclusive(child) / busyUs >= minShare)
      .sort((a, b) => inclusive(b) - inclusive(a));
  const visit = (node: ProfileNode, depth: number) => {
    const run = [node];
    let children = shown(node);
    let last = node;
    while (children.length === 1 && inclusive(children[0] as ProfileNode) >= 0.9 * inclusive(last)) {
      last = children[0] as ProfileNode;
      run.push(last);
      children = shown(last);
    }
    const names = run.map((frame) => place(frame.callFrame));
    const label = names.length > 4 ? [...names.slice(0, 2), '…', ...names.slice(-2)] : names;
    const share = ((inclusive(node) / busyUs) * 100).toFixed(1).padStart(5);
    lines.push(`${share}%  ${'  '.repeat(depth)}${label.join(' › ')}`);
    for (const child of children) visit(child, depth + 1);
  };
  for (const child of shown(root)) visit(child, 0);
  return lines;
}
