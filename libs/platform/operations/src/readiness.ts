/** One dependency a service cannot serve without; `check` rejects when it is not reachable. */
export abstract class ReadinessCheck {
  abstract readonly name: string;
  /** Resolves with details worth showing (a lag, a position), or nothing. */
  abstract check(): Promise<Readonly<Record<string, unknown>> | void>;
}

/** The readiness checks of a runtime, bound by its module (an array provider). */
export abstract class ReadinessChecks {
  abstract readonly checks: readonly ReadinessCheck[];
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, { ok: boolean; details?: unknown; error?: string }>>;
}

const TIMEOUT_MS = 2000;

/** Runs every check at once, each bounded by a timeout, so /ready answers fast even when a server hangs. */
export async function runReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
      });
      try {
        const details = await Promise.race([check.check(), timeout]);
        return [check.name, details ? { ok: true, details } : { ok: true }] as const;
      } catch (error) {
        return [
          check.name,
          { ok: false, error: error instanceof Error ? error.message : String(error) },
        ] as const;
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return { ready: results.every(([, result]) => result.ok), checks: Object.fromEntries(results) };
}

/** A check from a name and a probe; the probe's resolved value becomes the details. */
export function readinessCheck(
  name: string,
  probe: () => Promise<Readonly<Record<string, unknown>> | void>,
): ReadinessCheck {
  return new (class extends ReadinessCheck {
    readonly name = name;
    check = probe;
  })();
}

/** The event store answers a read (of a stream nobody writes: no rows, one round trip). */
export const storeReadiness = (store: {
  readStream(streamId: string, options: { maxCount: number }): Promise<unknown>;
}): ReadinessCheck =>
  readinessCheck('store', async () => {
    await store.readStream('readiness-probe', { maxCount: 1 });
  });
