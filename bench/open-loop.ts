export interface OpenLoopOptions {
  /** Operations per second. */
  readonly rate: number;
  readonly count: number;
  readonly signal?: AbortSignal;
}

export interface OpenLoopResult {
  readonly sent: number;
  readonly elapsedMs: number;
  /** Largest delay between an operation's slot on the clock and its actual start: the generator's own lag. */
  readonly maxSlipMs: number;
}

/**
 * Starts operation i at t0 + i/rate by the clock, never waiting for earlier ones to finish: a slow
 * response cannot delay the next send, so slowness shows up as latency instead of as fewer requests
 * (no coordinated omission). Resolves once the last operation has been started, not finished.
 */
export async function openLoop(
  options: OpenLoopOptions,
  operation: (index: number) => void,
): Promise<OpenLoopResult> {
  const intervalMs = 1000 / options.rate;
  const started = performance.now();
  let sent = 0;
  let maxSlipMs = 0;
  while (sent < options.count && !options.signal?.aborted) {
    const now = performance.now();
    const due = Math.min(options.count, Math.floor((now - started) / intervalMs) + 1);
    for (; sent < due; sent++) {
      maxSlipMs = Math.max(maxSlipMs, now - (started + sent * intervalMs));
      operation(sent);
    }
    const nextAt = started + sent * intervalMs;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextAt - performance.now())));
  }
  return { sent, elapsedMs: performance.now() - started, maxSlipMs };
}
