import { AsyncLocalStorage } from 'node:async_hooks';
import { v7 as uuidv7 } from 'uuid';
import { isTraceparent, newTraceparent, traceIdOf } from './traceparent';

/** What one request is known by: the id the gateway gives it (X-Request-Id) and its W3C trace. */
export interface RequestTrace {
  readonly requestId: string;
  readonly traceparent: string;
  /** When this process began serving the request (performance.now()). */
  readonly arrivedAt?: number;
}

/** Several requests at once: a relay or consumer batch holds events of many requests. */
export interface BatchTrace {
  readonly requestIds: readonly string[];
  readonly traceIds: readonly string[];
}

export type Trace = RequestTrace | BatchTrace;

/** As the gateway accepts it and as the users service turns it into the correlation id. */
const REQUEST_ID = /^[\w.-]{1,128}$/;

const storage = new AsyncLocalStorage<Trace>();

/** Runs `work` so that every line logged from it, and from what it awaits, carries `trace`. */
export function withTrace<T>(trace: Trace, work: () => T): T {
  return storage.run(trace, work);
}

export function currentTrace(): Trace | undefined {
  return storage.getStore();
}

/** When the request being served arrived (performance.now()); undefined outside a request's trace. */
export function requestArrival(): number | undefined {
  const trace = storage.getStore();
  return trace !== undefined && 'arrivedAt' in trace ? trace.arrivedAt : undefined;
}

/** The fields every log line gets from the trace it is logged in (pino's mixin). */
export function traceFields(): Record<string, unknown> {
  const trace = storage.getStore();
  return trace ? traceFieldsOf(trace) : {};
}

/**
 * The same fields for a line that names its trace itself: outside the trace's async context, this costs
 * no context switch, and a process that only does this (the gateway) never turns async hooks on.
 */
export function traceFieldsOf(trace: Trace): Record<string, unknown> {
  if ('requestId' in trace) return { requestId: trace.requestId, traceId: traceIdOf(trace.traceparent) };
  return { requestIds: trace.requestIds, traceIds: trace.traceIds };
}

/**
 * The trace of an incoming request: its well-formed X-Request-Id (or the caller's X-Correlation-Id) and
 * traceparent are kept, others are replaced by new ones, so a request that reached a service directly is
 * traced as well.
 */
export function requestTraceOf(headers: Record<string, string | string[] | undefined>): RequestTrace {
  const requestId = headers['x-request-id'] ?? headers['x-correlation-id'];
  const traceparent = headers['traceparent'];
  return {
    requestId: typeof requestId === 'string' && REQUEST_ID.test(requestId) ? requestId : uuidv7(),
    traceparent: isTraceparent(traceparent) ? traceparent : newTraceparent(),
    arrivedAt: performance.now(),
  };
}
