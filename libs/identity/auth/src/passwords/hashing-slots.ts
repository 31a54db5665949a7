import { performance } from 'node:perf_hooks';

/** Share of the last window the event loop spent working, above which it counts as busy. */
const BUSY_ABOVE = 0.5;
const WINDOW_MS = 100;

/** The serving event loop's utilisation over the last window of at least WINDOW_MS, sampled when asked. */
export function eventLoopBusy(): () => boolean {
  let window = performance.eventLoopUtilization();
  let startedAt = performance.now();
  let busy = false;
  return () => {
    const now = performance.now();
    if (now - startedAt >= WINDOW_MS) {
      const current = performance.eventLoopUtilization();
      busy = performance.eventLoopUtilization(current, window).utilization > BUSY_ABOVE;
      window = current;
      startedAt = now;
    }
    return busy;
  };
}

/**
 * The hashes that may run at once: `size` while the event loop is mostly idle (logins alone: the loop
 * waits on the hashes, and they may take every core), one fewer while it is busy with other requests, so
 * a login burst leaves them a core (figures in ADR 20261201-password-hashing-owasp-default-bounded.md).
 * Waiting work starts in arrival order as slots free; at least one slot is always open, so nothing waits
 * on the loop becoming idle.
 */
export class HashingSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly loopBusy: () => boolean = eventLoopBusy(),
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.waiting.length > 0 || !this.open()) await new Promise<void>((start) => this.waiting.push(start));
    else this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      while (this.waiting.length > 0 && this.open()) {
        this.active++;
        (this.waiting.shift() as () => void)();
      }
    }
  }

  private open(): boolean {
    return this.active < (this.size > 1 && this.loopBusy() ? this.size - 1 : this.size);
  }
}
