import { sleep } from '@gatehouse/event-store';

/**
 * Asks `done` again, backing off from 5 to 100 ms, until it holds or `timeoutMs` passed; says which. For a
 * create that answers only once another context's reaction to it is in force (roles, access controls).
 */
export async function pollUntil(done: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const signal = new AbortController().signal;
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    if (await done()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(wait, signal);
  }
}
