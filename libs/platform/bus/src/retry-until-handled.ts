/** Where a bus reports a handler failure it is about to retry: failures are retried, never swallowed. */
export type HandlerErrorReporter = (error: unknown) => void;

export const reportToConsole: HandlerErrorReporter = (error) =>
  console.error('event bus: a handler failed; the same batch will be handed to it again', error);

export interface RetryOptions {
  readonly onError: HandlerErrorReporter;
  /** False once the subscriber may no longer handle the batch (closed, or Kafka took the partition away). */
  readonly active: () => boolean;
  /** Runs between attempts; Kafka heartbeats here so a slow retry does not cost the group its member. */
  readonly beforeRetry?: () => Promise<void>;
  readonly firstDelayMs?: number;
  readonly maxDelayMs?: number;
}

/**
 * At-least-once handling: the same batch goes to the handler again, after a doubling pause, until it
 * succeeds. Resolves true once handled, false if the subscriber stopped first (progress then stays
 * where it was, so whoever continues sees the batch again).
 */
export async function retryUntilHandled(
  attempt: () => Promise<void>,
  options: RetryOptions,
): Promise<boolean> {
  const maxDelayMs = options.maxDelayMs ?? 1000;
  for (
    let delayMs = options.firstDelayMs ?? 10;
    options.active();
    delayMs = Math.min(delayMs * 2, maxDelayMs)
  ) {
    try {
      await attempt();
      return true;
    } catch (error) {
      options.onError(error);
    }
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (options.active()) await options.beforeRetry?.();
  }
  return false;
}
