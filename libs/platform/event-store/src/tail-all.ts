import type { StoredEvent } from '@gatehouse/contracts';
import type { EventStore } from './event-store.port';
import { sleep } from './sleep';

export interface TailOptions {
  readonly from: string;
  readonly batchSize?: number;
  /**
   * Idle wait between polls when the store gives no append notices; with notices, the least time
   * between two reads that a notice woke (a burst of appends sends one each).
   */
  readonly pollMs?: number;
  /** With append notices: the longest idle wait, should a notice be lost. */
  readonly noticeMaxMs?: number;
  /**
   * The event types (or noticeNamesOf's tagged kinds) the handler acts on, where it ignores every other: an
   * idle reader is then not woken by notices of other types alone (AppendNotices). Batches still hold every
   * event.
   */
  readonly types?: ReadonlySet<string>;
  readonly signal: AbortSignal;
}

/** A read of the global order, and the notice count taken before it started. */
interface Read {
  readonly mark: number | undefined;
  readonly batch: Promise<StoredEvent[]>;
}

/**
 * Follows the store's global order from a checkpoint, one batch at a time, until aborted. An idle reader
 * waits for the store's next append notice where it gives them, instead of asking every `pollMs`: five
 * readers polling an idle PostgreSQL store took a fifth of a 2-core machine (bench/peers). Every read
 * carries the notice count taken before it started, and an idle reader waits for a notice after that
 * mark: anything appended after the read began, even while it ran, wakes it at once. Nothing committed
 * before the mark is missed either: the store's read returns it, or holds it back only behind an append
 * still in progress, whose own notice is after the mark (PostgreSQL:
 * docs/adr/20261202-notices-alone-wake-readers-of-postgresql.md).
 * The handler's promise must settle before the next batch is handed over: that is what lets a caller
 * commit its checkpoint only after the batch is safely handled. After a full batch the next one is read
 * while the handler works (reading has no effects), so a backlog drains at the pace of the slower of
 * the two instead of their sum.
 */
export async function tailAll(
  store: EventStore,
  options: TailOptions,
  handle: (batch: StoredEvent[]) => Promise<void>,
): Promise<void> {
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 20;
  const read = (after: string): Read => {
    const mark = store.appendNotices()?.mark();
    return { mark, batch: store.readAll({ after, maxCount: batchSize }) };
  };
  let checkpoint = options.from;
  let ahead: Read | undefined;
  let readAt = performance.now();
  try {
    while (!options.signal.aborted) {
      if (!ahead) readAt = performance.now();
      const { mark, batch: reading } = ahead ?? read(checkpoint);
      ahead = undefined;
      const batch = await reading;
      if (batch.length > 0) {
        const last = batch[batch.length - 1].checkpoint;
        if (batch.length === batchSize) {
          ahead = read(last);
          // Handled here so a failure while the handler still works is not an unhandled rejection; it
          // is still thrown where the batch is awaited.
          ahead.batch.catch(() => undefined);
        }
        await handle(batch);
        checkpoint = last;
      }
      if (batch.length === batchSize) continue;
      const notices = store.appendNotices();
      if (notices && mark !== undefined) {
        await notices.wait(mark, options.noticeMaxMs ?? 1000, options.signal, options.types);
        // A burst of appends sends a notice each: reading on every one costs a read per append per
        // reader (a tenth of embedded create_user's CPU). Reads stay `pollMs` apart; the wait is spent
        // gathering what the burst appends meanwhile into one batch.
        const early = pollMs - (performance.now() - readAt);
        if (early > 0) await sleep(early, options.signal);
      } else await sleep(pollMs, options.signal);
    }
  } finally {
    // A read started ahead of a failed handler or an abort is not wanted; its outcome is not either.
    await ahead?.batch.catch(() => undefined);
  }
}
