/** How hard a message is tried before it is parked as a dead letter (bound by each runtime). */
export class DeliveryPolicy {
  constructor(
    /** Sends tried before parking; default 10. */
    readonly attempts: number,
    /** Wait after the first failure, doubled after each next one; default 200 ms. */
    readonly firstDelayMs: number,
    /** Longest wait between two tries; default 30 s (10 tries span about 100 s). */
    readonly maxDelayMs: number,
  ) {}

  delayAfter(attempt: number): number {
    return Math.min(this.maxDelayMs, this.firstDelayMs * 2 ** Math.min(attempt - 1, 20));
  }
}

/** `GATEHOUSE_NOTIFY_ATTEMPTS`, `GATEHOUSE_NOTIFY_FIRST_DELAY_MS`, `GATEHOUSE_NOTIFY_MAX_DELAY_MS`. */
export function readDeliveryPolicy(env: NodeJS.ProcessEnv): DeliveryPolicy {
  const number = (name: string, fallback: number, min: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}`);
    return value;
  };
  return new DeliveryPolicy(
    number('GATEHOUSE_NOTIFY_ATTEMPTS', 10, 1),
    number('GATEHOUSE_NOTIFY_FIRST_DELAY_MS', 200, 1),
    number('GATEHOUSE_NOTIFY_MAX_DELAY_MS', 30_000, 1),
  );
}
