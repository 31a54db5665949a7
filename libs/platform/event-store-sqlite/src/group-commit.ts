import type { Database } from 'better-sqlite3';

interface Queued {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

/** A committed batch, answered once a flush has made it durable. */
type Answer = { readonly settle: () => void; readonly fail: (error: unknown) => void };

export interface GroupCommitOptions {
  /**
   * Makes every commit made so far survive a power cut, off the event loop (the database connection then
   * commits without syncing). Without one, a commit is as durable as the connection's `synchronous` makes it.
   */
  readonly flush?: () => Promise<void>;
  /**
   * Told, at once, of every write rolled back after it ran: a savepoint of one that threw, or the whole
   * transaction of a batch that could not commit. What such a write learnt in passing is then untrue.
   */
  readonly rolledBack?: () => void;
}

/**
 * Writes asked for in one turn of the event loop committed as one transaction, each in a savepoint of its
 * own: one that throws (a wrong expected version) is rolled back and fails alone, the others commit.
 *
 * With a `flush`, the disk wait leaves the event loop: better-sqlite3 is synchronous, so a commit at
 * `synchronous = FULL` held the loop through its fsync (1–2 ms measured here, a fifth of the embedded
 * manipulate_user profile). Batches committed while a flush runs share the next one.
 * A write is answered only after the commit that holds it is durable, so nothing is acknowledged before
 * it would survive a power cut.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private unflushed: Answer[] = [];
  private flushing = false;
  private flushed: Promise<void> = Promise.resolve();
  /** A failed flush leaves unknown what the disk holds (the kernel may have dropped the pages): no more writes. */
  private broken: unknown = undefined;

  constructor(
    private readonly db: Database,
    private readonly options: GroupCommitOptions = {},
  ) {}

  /** Whether some commit is not durable yet: readers that act outside the process must not see it. */
  get awaitingFlush(): boolean {
    return this.unflushed.length > 0 || this.flushing;
  }

  /** Resolves once no flush is running: before the file it syncs is closed. */
  async drained(): Promise<void> {
    while (this.flushing) await this.flushed;
  }

  run<T>(work: () => T): Promise<T> {
    if (this.broken !== undefined) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.commit(this.queue.splice(0)));
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    });
  }

  private commit(batch: readonly Queued[]): void {
    if (this.broken !== undefined) {
      for (const { reject } of batch) reject(this.broken);
      return;
    }
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.db
        .transaction(() => {
          for (const { work } of batch) {
            try {
              // A transaction within a transaction is a savepoint in better-sqlite3.
              outcomes.push({ ok: true, value: this.db.transaction(work)() });
            } catch (error) {
              this.options.rolledBack?.();
              // An error that made SQLite roll the whole transaction back (disk full, I/O) fails the batch:
              // the writes after it would otherwise commit one by one, outside any transaction.
              if (!this.db.inTransaction) throw error;
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (error) {
      // Nothing committed (busy beyond the timeout, disk full): every write of the batch failed.
      this.options.rolledBack?.();
      for (const { reject } of batch) reject(error);
      return;
    }
    const answer: Answer = {
      settle: () =>
        batch.forEach(({ resolve, reject }, index) => {
          const outcome = outcomes[index];
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        }),
      fail: (error) => batch.forEach(({ reject }) => reject(error)),
    };
    if (!this.options.flush) return answer.settle();
    this.unflushed.push(answer);
    if (this.flushing) return;
    this.flushing = true;
    this.flushed = this.flushAll(this.options.flush);
  }

  /** One flush at a time; it covers every batch committed before it began. */
  private async flushAll(flush: () => Promise<void>): Promise<void> {
    try {
      while (this.unflushed.length > 0) {
        const covered = this.unflushed.splice(0);
        try {
          await flush();
        } catch (error) {
          this.broken = error;
          for (const answer of [...covered, ...this.unflushed.splice(0)]) answer.fail(error);
          return;
        }
        for (const answer of covered) answer.settle();
      }
    } finally {
      this.flushing = false;
    }
  }
}
