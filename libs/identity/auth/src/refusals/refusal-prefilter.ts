import type { RefusalReason } from '@gatehouse/contracts';
import { REFUSAL_WINDOW_MS } from '@gatehouse/identity-domain';

interface Window {
  /** Before this time (ms) a refusal is only counted: the store holds or is writing a record of it. */
  until: number;
  /** Refusals counted and not yet carried by a stored record. */
  counted: number;
  /** A record of this user and reason is being appended. */
  writing: boolean;
}

/** What the store made of a record the pre-filter let through. */
export type RecordOutcome =
  | { readonly kind: 'recorded'; readonly at: number }
  /** Another process recorded this reason inside the window, which ends at `until`. */
  | { readonly kind: 'suppressed'; readonly until: number }
  | { readonly kind: 'failed' };

/** Entries past their window with nothing counted are dropped once the map grows beyond this. */
const SWEEP_ABOVE = 10_000;

/**
 * The per-process half of the refusals throttle: once a user's refusal of a reason is recorded (or being
 * recorded), the next ones of the window are only counted here, so a flood reads and writes the store once
 * a minute per user and reason, not once per request. The count is handed to the next record, so none is
 * lost while the process runs; the store's decider keeps the bound across processes.
 */
export class RefusalPrefilter {
  private readonly windows = new Map<string, Window>();

  /** How many held-back refusals the record of this one carries, or null if it is only counted. */
  admit(userId: string, reason: RefusalReason, now: number): { suppressed: number } | null {
    const key = `${userId}:${reason}`;
    const window = this.windows.get(key);
    if (window && (window.writing || now < window.until)) {
      window.counted++;
      return null;
    }
    if (!window && this.windows.size >= SWEEP_ABOVE) this.sweep(now);
    const suppressed = window?.counted ?? 0;
    this.windows.set(key, { until: now + REFUSAL_WINDOW_MS, counted: 0, writing: true });
    return { suppressed };
  }

  /**
   * The store's answer to a record `admit` let through, carrying `suppressed`: a record not stored keeps
   * its refusal and what it carried counted here. A failed store is not retried before the window ends.
   */
  settle(
    userId: string,
    reason: RefusalReason,
    suppressed: number,
    outcome: RecordOutcome,
    now: number,
  ): void {
    const window = this.windows.get(`${userId}:${reason}`);
    if (!window) return;
    window.writing = false;
    if (outcome.kind === 'recorded') {
      window.until = outcome.at + REFUSAL_WINDOW_MS;
      return;
    }
    window.counted += suppressed + 1;
    window.until = outcome.kind === 'suppressed' ? outcome.until : now + REFUSAL_WINDOW_MS;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (!window.writing && window.counted === 0 && window.until <= now) this.windows.delete(key);
    }
  }
}
