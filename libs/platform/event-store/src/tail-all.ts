import type { StoredEvent } from '@gatehouse/contracts';
import type { EventStore } from './event-store.port';
import { sleep } from './sleep';

export interface TailOptions {
  readonly from: string;
  readonly batchSize?: number;
  /** Idle wait between polls when the store has nothing new and gives no append notices. */
  readonly pollMs?: number;
  /** With append notices: the longest idle wait, should a notice be lost. */
  readonly noticeMaxMs?: number;
  /**
   * With append notices that can hold back silently (PostgreSQL's): how long after the last event or
   * notice the reader keeps polling before it waits for notices. A read right after a notice can come
   * back empty because a transaction that appends nothing still holds the global order back; its commit
   * sends no notice. With exact notices the reader waits for the next one as soon as it is idle.
   */
  readonly settleMs?: number;
  readonly signal: AbortSignal;
}

/**
 * Follows the store's global order from a checkpoint, one batch at a time, until aborted. An idle reader
 * waits for the store's next append notice where it gives them (after `settleMs` where those can hold
 * back silently), instead of asking every `pollMs`: five readers polling an idle PostgreSQL store took a fifth of a 2-core machine (bench/peers).
 * The handler's promise must settle before the next batch is handed over: that is what lets a caller
 * commit its checkpoint only after the batch is safely handled. After a full batch the next one is read
 * while the handler works (reading has no effects), so a backlog drains at the pace of the slower of
 * the two instead of their sum. A read-ahead only happens while events flow, when the reader polls
 * anyway, so it never stands between a mark and the read that mark is for.
 */
export async function tailAll(
  store: EventStore,
  options: TailOptions,
  handle: (batch: StoredEvent[]) => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 20;
  const read = (after: string) => store.readAll({ after, maxCount: batchSize });
  let checkpoint = options.from;
  let next: Promise<StoredEvent[]> | undefined;
  let lastMark: number | undefined;
  let activeAt = performance.now();
  let readAt = activeAt;
  try {
    while (!options.signal.aborted) {
      const notices = store.appendNotices();
      const mark = notices?.mark();
      if (mark !== lastMark) activeAt = performance.now();
      lastMark = mark;
      if (!next) readAt = performance.now();
      const batch = await (next ?? read(checkpoint));
      next = undefined;
      if (batch.length > 0) {
        activeAt = performance.now();
        const last = batch[batch.length - 1].checkpoint;
        if (batch.length === batchSize) {
          next = read(last);
          // Handled here so a failure while the handler still works is not an unhandled rejection; it
          // is still thrown where the batch is awaited.
          next.catch(() => undefined);
        }
        await handle(batch);
        checkpoint = last;
      }
      if (batch.length === batchSize) continue;
      const settled =
        !notices?.holdsBackSilently || performance.now() - activeAt >= (options.settleMs ?? 250);
      if (notices && mark !== undefined && settled) {
        await notices.wait(mark, options.noticeMaxMs ?? 1000, options.signal);
        // A burst of appends sends a notice each: reading on every one costs a read per append per
        // reader (a tenth of embedded create_user's CPU). Reads stay `pollMs` apart; the wait is spent
        // gathering what the burst appends meanwhile into one batch.
        const early = pollMs - (performance.now() - readAt);
        if (early > 0) await sleep(early, options.signal);
      } else await sleep(pollMs, options.signal);
    }
  } finally {
    // A read started ahead of a failed handler or an abort is not wanted; its outcome is not either.
    await next?.catch(() => undefined);
  }
}
