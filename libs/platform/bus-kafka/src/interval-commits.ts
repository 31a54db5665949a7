/**
 * Commits a consumer's handled offsets at most once per interval: at the end of a batch when the interval
 * has passed since the last commit, else from a timer when it passes, so offsets handled just before the
 * records stop coming are committed too. `commit` is the latest batch's (it commits what the consumer's
 * current generation has handled and not committed yet). A failed commit is reported and left for the
 * next: the records it covers are only handled again if the member dies first.
 */
export class IntervalCommits {
  private lastCommit = performance.now();
  private commit?: () => Promise<void>;
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private closing = false;

  constructor(
    private readonly intervalMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** After a batch is handled and its offset resolved. */
  async due(commit: () => Promise<void>): Promise<void> {
    this.commit = commit;
    if (this.closing || performance.now() - this.lastCommit >= this.intervalMs) return this.flush();
    this.timer ??= setTimeout(
      () => void this.flush(),
      this.lastCommit + this.intervalMs - performance.now(),
    ).unref();
  }

  /**
   * Commits what is handled, and from now on commits each batch as it ends: the batch in hand when the
   * consumer is told to stop then commits before the member leaves its group (a commit after that is refused).
   */
  close(): Promise<void> {
    this.closing = true;
    return this.flush();
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const commit = this.commit;
    this.commit = undefined;
    if (!commit) return this.running;
    this.lastCommit = performance.now();
    this.running = this.running.then(() =>
      commit().catch((error: unknown) => {
        this.onError(error);
      }),
    );
    return this.running;
  }
}
