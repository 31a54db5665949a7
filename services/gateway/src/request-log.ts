import type { IncomingMessage, ServerResponse } from 'node:http';
import { type RequestTrace, type ServiceLogger, traceIdOf } from '@gatehouse/logging';

/** Asked every few seconds by orchestrators and scrapers: a line each would drown the requests. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

/**
 * The line `requestLogging` (libs/platform/logging) writes for a service, written once the response
 * closes: method, upstream instances, status, duration, whether the client left first, and the request
 * and trace ids. The ids are fields of the line rather than an AsyncLocalStorage context: the gateway
 * logs nothing else while a request runs but a failed attempt, which names them too.
 */
export function logWhenClosed(
  logger: ServiceLogger,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  trace: RequestTrace,
  upstream: string,
): void {
  const started = process.hrtime.bigint();
  response.once('close', () => {
    const status = response.statusCode;
    const aborted = !response.writableFinished;
    const level = status >= 500 ? 'error' : aborted ? 'warn' : PROBES.has(path) ? 'debug' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
    logger[level](
      {
        ...traceFieldsOf(trace),
        method: request.method,
        upstream,
        status,
        durationMs,
        ...(aborted && { aborted }),
      },
      'request handled',
    );
  });
}

/** What pino's trace mixin adds inside a request: its id and its trace id. */
export const traceFieldsOf = (trace: RequestTrace) => ({
  requestId: trace.requestId,
  traceId: traceIdOf(trace.traceparent),
});
