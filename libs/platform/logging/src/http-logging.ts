import type { ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PinoNestLogger } from './nest-logger';
import { createServiceLogger, type ServiceLogger, type ServiceLoggerOptions } from './service-logger';
import { type RequestTrace, requestTraceOf, traceFieldsOf, withTrace } from './trace-context';

/** Asked every few seconds by orchestrators and scrapers: a line each would drown the requests. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

const routeOf = (request: FastifyRequest) => ({ route: request.routeOptions.url ?? 'unmatched' });

/**
 * Gives each request its trace (request-trace rules in trace-context.ts), writes it back into the
 * request's headers — where the users service reads its correlation id and a proxy passes them on — and
 * echoes the request id; everything logged while the request is handled carries it. One line per request
 * when it ends (logWhenClosed), naming the route pattern (never the URL, which holds ids) or what
 * `describe` says. Headers and bodies are never logged. Fastify runs the rest of the request from `done`,
 * and body-parser's reads bind their callback, so the handler runs in the trace entered here.
 */
export function logRequests(
  fastify: FastifyInstance,
  logger: ServiceLogger,
  describe: (request: FastifyRequest) => Record<string, unknown> = routeOf,
): void {
  const logLine = logWhenClosed(logger);
  fastify.addHook('onRequest', (request, reply, done) => {
    const trace = requestTraceOf(request.headers);
    request.headers['x-request-id'] = trace.requestId;
    request.headers['traceparent'] = trace.traceparent;
    reply.header('x-request-id', trace.requestId);
    logLine(trace, request.method, request.url.split('?', 1)[0] as string, reply.raw, () =>
      describe(request),
    );
    withTrace(trace, done);
  });
}

/**
 * The logger for the lines logWhenClosed writes: the service's without redaction. Every field of such a
 * line is picked here or by its caller (trace ids, method, route pattern or upstream, status, duration),
 * so none can hold a secret, while walking each line for the redacted paths cost more than writing the
 * rest of it: 3.1 % of a cached get-user's CPU against 2.6 % (embedded, C=16, the peers bench's flame
 * graph).
 */
export const requestLineLogger = (logger: ServiceLogger): ServiceLogger => logger.child({}, { redact: [] });

/** Logs the line a request ends with, once its response is closed (see logWhenClosed). */
type RequestLineWriter = (
  trace: RequestTrace,
  method: string,
  path: string,
  response: ServerResponse,
  describe: () => Record<string, unknown>,
) => void;

/**
 * The line a request ends with, in its trace: method, what `describe` says of it, status, duration, and
 * whether the client left before the answer; at error level for a 5xx, warn when the client left, debug
 * for probes. 'close' comes after 'finish', or alone when the client went away first, and outside the
 * request's async context: the line names the trace itself (cheaper than entering the trace again, or
 * binding the listener to the request's context, which costs an async resource per request). Made once
 * per server, writing through the service's requestLineLogger.
 */
export function logWhenClosed(logger: ServiceLogger): RequestLineWriter {
  const lines = requestLineLogger(logger);
  return (trace, method, path, response, describe) => {
    const started = process.hrtime.bigint();
    response.once('close', () => {
      const status = response.statusCode;
      const aborted = !response.writableFinished;
      const level = status >= 500 ? 'error' : aborted ? 'warn' : PROBES.has(path) ? 'debug' : 'info';
      if (!lines.isLevelEnabled(level)) return;
      const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
      lines[level](
        { ...traceFieldsOf(trace), method, ...describe(), status, durationMs, ...(aborted && { aborted }) },
        'request handled',
      );
    });
  };
}

/**
 * The one call a Nest service makes after `NestFactory.create(…, { bufferLogs: true })`: JSON lines for
 * Nest's logs (those buffered during start-up included) and for every request.
 */
export function useStructuredLogging(
  app: INestApplication,
  service: string,
  options: ServiceLoggerOptions = {},
): ServiceLogger {
  const logger = createServiceLogger(service, options);
  app.useLogger(new PinoNestLogger(logger));
  app.flushLogs();
  logRequests(app.getHttpAdapter().getInstance() as FastifyInstance, logger);
  return logger;
}
