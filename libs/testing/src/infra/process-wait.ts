import type { ChildProcess } from 'node:child_process';
import type { ApiClient } from '../http/api-client';

/** Not exited: a process killed by a signal keeps `exitCode` null and gets a `signalCode`. */
export const running = (child: ChildProcess | undefined): child is ChildProcess =>
  child !== undefined && child.exitCode === null && child.signalCode === null;

export async function ready(api: ApiClient, path = '/docs/openapi.json'): Promise<boolean> {
  try {
    return (await api.get(path)).status === 200;
  } catch {
    return false;
  }
}

export async function waitFor(
  check: () => boolean | Promise<boolean>,
  child: ChildProcess,
  lines: string[],
): Promise<void> {
  // Seven Node processes starting at once on two loaded cores took over a minute.
  const deadline = Date.now() + 180_000;
  while (!(await check())) {
    if (!running(child) || Date.now() > deadline) {
      throw new Error(
        `service did not start (exit ${child.exitCode ?? child.signalCode}):\n${lines.join('').slice(-4000)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
