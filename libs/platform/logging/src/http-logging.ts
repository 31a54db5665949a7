import { AsyncResource } from 'node:async_hooks';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PinoNestLogger } from './nest-logger';
import { createServiceLogger, type ServiceLogger, type ServiceLoggerOptions } from './service-logger';
import { requestTraceOf, withTrace } from './trace-context';

/** Asked every few seconds by orchestrators and scrapers: a line each would drown the requests. */
const PROBES = new Set(['/health', '/ready', '/metrics']);

const routeOf = (request: Request) => ({
  route: (request.route as { path?: string } | undefined)?.path ?? 'unmatched',
});

/**
 * Gives each request its trace (request-trace rules in trace-context.ts), writes it back into the
 * request's headers — where the users service reads its correlation id and a proxy passes them on — and
 * echoes the request id; everything logged while the request is handled carries it. One line per request
 * when it ends: method, route pattern (never the URL, which holds ids) or what `describe` says, status,
 * duration, and whether the client left before the answer (probes at debug level). Headers and bodies are
 * never logged.
 */
export function requestLogging(
  logger: ServiceLogger,
  describe: (request: Request) => Record<string, unknown> = routeOf,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const trace = requestTraceOf(request.headers);
    request.headers['x-request-id'] = trace.requestId;
    request.headers['traceparent'] = trace.traceparent;
    response.setHeader('x-request-id', trace.requestId);
    const started = process.hrtime.bigint();
    withTrace(trace, () => {
      // Bound here: 'close' is emitted outside the request's async context. It comes after 'finish', or
      // alone when the client went away first.
      response.once(
        'close',
        AsyncResource.bind(() => {
          const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100;
          const aborted = !response.writableFinished;
          const level =
            response.statusCode >= 500
              ? 'error'
              : aborted
                ? 'warn'
                : PROBES.has(request.path)
                  ? 'debug'
                  : 'info';
          const status = response.statusCode;
          logger[level](
            { method: request.method, ...describe(request), status, durationMs, ...(aborted && { aborted }) },
            'request handled',
          );
        }),
      );
      next();
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
  app.use(requestLogging(logger));
  return logger;
}
