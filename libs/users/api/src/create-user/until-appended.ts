import { type EventStore, sleep } from '@gatehouse/event-store';

/** Without notices (a store that has none, or one lost), `done` is asked again after at most this. */
const FALLBACK_MS = 100;

/**
 * Asks `done` until it holds or `timeoutMs` passed, and says which: again after each notice of an append of
 * `types`, for a create that answers only once another context's reaction to it is in force (roles, access
 * controls). The reaction's append announces itself, so the answer follows it by one read, not by the next
 * step of a polling back-off (5, 10, 20 ms …). Notices are hints: without one, it asks again after
 * FALLBACK_MS, and without notices at all it polls from 5 ms, doubling up to FALLBACK_MS.
 */
export async function untilAppended(
  store: EventStore,
  types: ReadonlySet<string>,
  done: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  const signal = new AbortController().signal;
  for (let backOff = 5; ; backOff = Math.min(backOff * 2, FALLBACK_MS)) {
    const notices = store.appendNotices();
    const mark = notices?.mark();
    if (await done()) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    if (notices && mark !== undefined)
      await notices.waitForTypes(mark, types, Math.min(left, FALLBACK_MS), signal);
    else await sleep(Math.min(backOff, left), signal);
  }
}
