import type { StoredEvent } from '@gatehouse/contracts';
import { type BatchTrace, withTrace } from './trace-context';
import { traceIdOf } from './traceparent';
import type { ServiceLogger } from './service-logger';

/** The requests a batch of events came from: their correlation ids and, where known, trace ids. */
export function batchTraceOf(events: readonly StoredEvent[]): BatchTrace {
  return {
    requestIds: [...new Set(events.map((event) => event.correlationId))],
    traceIds: [
      ...new Set(events.flatMap((event) => (event.traceparent ? [traceIdOf(event.traceparent)] : []))),
    ],
  };
}

/**
 * Runs `work` on a batch inside its trace, so every line logged meanwhile names the batch's requests, and
 * logs one line once it is done: `grep <request id>` then finds the relay's and the projections' part.
 */
export async function tracedBatch(
  logger: ServiceLogger,
  message: string,
  events: readonly StoredEvent[],
  work: () => Promise<void>,
): Promise<void> {
  await withTrace(batchTraceOf(events), async () => {
    await work();
    logger.info({ events: events.length, lastPosition: events.at(-1)?.globalPosition }, message);
  });
}
