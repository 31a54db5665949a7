import { ChildProcess } from 'node:child_process';
import { Socket, Server } from 'node:net';

const REPORTED = Symbol.for('gatehouse.lingeringHandlesReport');

/**
 * Jest only says that something kept the process alive after the run ("did not exit one second after the
 * test run has completed"); this names it. The timer is unref'd, so it fires only when something else holds
 * the process open, and then prints each live handle (sockets with their peer, child processes with their
 * command) and the count of live resources by kind (timers included). A process merely still finishing
 * holds no resource and prints nothing (seen under load average 55: alive 2 s after the teardown, with no
 * resource and no "did not exit" line).
 */
export function reportLingeringHandles(afterMs = 3000): void {
  const registry = globalThis as { [REPORTED]?: true };
  if (registry[REPORTED]) return;
  registry[REPORTED] = true;
  setTimeout(() => {
    const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
    const described = handles.filter((handle) => !isStdio(handle)).map(describe);
    const kinds = process.getActiveResourcesInfo();
    if (kinds.length === 0 && described.length === 0) return;
    const resources = countByKind(kinds);
    console.warn(
      `test process still alive ${afterMs} ms after the run; resources: ${resources}; handles: ${described.join('; ') || 'none'}`,
    );
  }, afterMs).unref();
}

function isStdio(handle: unknown): boolean {
  return handle === process.stdin || handle === process.stdout || handle === process.stderr;
}

function describe(handle: unknown): string {
  if (handle instanceof ChildProcess) return `child process ${handle.pid} (${handle.spawnargs.join(' ')})`;
  if (handle instanceof Server) return `server ${JSON.stringify(handle.address())}`;
  if (handle instanceof Socket) {
    return `socket ${handle.localAddress}:${handle.localPort} → ${handle.remoteAddress}:${handle.remotePort}`;
  }
  return (handle as object | null)?.constructor?.name ?? typeof handle;
}

function countByKind(kinds: string[]): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${kind}×${count}`).join(', ');
}
