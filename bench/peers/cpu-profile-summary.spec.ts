import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flameTree, topSelfTime } from './cpu-profile-summary';

const frame = (id: number, functionName: string, children: number[] = []) => ({
  id,
  callFrame: { functionName, url: `file:///repo/dist/libs/${functionName}.js`, lineNumber: 0 },
  children,
});

/**
 * root ─┬ (idle)                                  40 ms
 *       ├ handle ─ route ─┬ parse                 30 ms
 *       │                 └ reply ─┬ write        20 ms
 *       │                          └ log           1 ms
 *       └ gc                                      9 ms
 * 60 ms of work: handle 51 (route 51: parse 30, reply 21), gc 9.
 */
function profileFile(): string {
  const nodes = [
    frame(1, '(root)', [2, 3, 8]),
    { ...frame(2, '(idle)'), callFrame: { functionName: '(idle)', url: '', lineNumber: -1 } },
    frame(3, 'handle', [4]),
    frame(4, 'route', [5, 6]),
    frame(5, 'parse'),
    frame(6, 'reply', [7, 9]),
    frame(7, 'write'),
    frame(8, 'gc'),
    frame(9, 'log'),
  ];
  const samples = [
    ...Array<number>(40).fill(2),
    ...Array<number>(30).fill(5),
    ...Array<number>(20).fill(7),
    9,
    ...Array<number>(9).fill(8),
  ];
  const file = join(mkdtempSync(join(tmpdir(), 'profile-')), 'p.cpuprofile');
  writeFileSync(file, JSON.stringify({ nodes, samples, timeDeltas: samples.map(() => 1000) }));
  return file;
}

describe('CPU profile summary', () => {
  it('ranks functions by self time over the busy time, idle left out', () => {
    const { totalMs, rows } = topSelfTime(profileFile(), 2);
    expect(totalMs).toBe(60);
    expect(rows).toEqual([' 50.0%  parse libs/parse.js:1', ' 33.3%  write libs/write.js:1']);
  });

  it('draws the call tree with inclusive shares, runs of one wide child on one line, thin frames out', () => {
    const lines = flameTree(profileFile(), 0.05).map((line) => line.replace(/ libs\/\w+\.js:1/g, ''));
    expect(lines).toEqual([
      ' 85.0%  handle › route',
      ' 50.0%    parse',
      ' 35.0%    reply › write',
      ' 15.0%  gc',
    ]);
  });
});
