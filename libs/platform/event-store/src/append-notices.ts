/**
 * Word that events may have been appended, so readers tailing the global order wait for it instead of
 * polling an idle store. A reader takes a mark before it reads; `wait` then returns at once if anything
 * was appended since the mark (during the read), else on the next notice, the signal, or `maxMs` — the
 * fallback that bounds what a lost notice can cost. A notice is only a hint to read again: readers
 * still read from their checkpoint, so a duplicate or early notice changes nothing.
 */
export class AppendNotices {
  private count = 0;
  private readonly waiters = new Set<() => void>();

  mark(): number {
    return this.count;
  }

  notify(): void {
    this.count++;
    for (const wake of [...this.waiters]) wake();
  }

  wait(mark: number, maxMs: number, signal: AbortSignal): Promise<void> {
    if (mark !== this.count || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, maxMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
