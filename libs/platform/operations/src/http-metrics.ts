import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Metrics } from './metrics';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Times every request from arrival to the last byte, labelled by the route pattern that served it
 * (`/v1/accounts/:accountId/users`, never the ids in the URL) or `unmatched`; counts writes by outcome.
 */
export function recordHttpMetrics(app: INestApplication): void {
  const metrics = app.get(Metrics);
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const route = (request.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const status = response.statusCode;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, seconds);
      if (!WRITE_METHODS.has(request.method) || status >= 500) return;
      const outcome = status < 400 ? 'ok' : status === 409 ? 'conflict' : 'refused';
      metrics.commands.inc({ outcome });
    });
    next();
  });
}
