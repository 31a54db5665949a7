import type { INestApplication } from '@nestjs/common';
import { fastifyOf } from '@gatehouse/http';
import { Metrics } from './metrics';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Times every request from arrival to the last byte (Fastify's own clock on the reply), labelled by the
 * route pattern that served it (`/v1/accounts/:accountId/users`, never the ids in the URL) or
 * `unmatched`; counts writes by outcome.
 */
export function recordHttpMetrics(app: INestApplication): void {
  const metrics = app.get(Metrics);
  fastifyOf(app).addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const labels = { method: request.method, route, status: String(status) };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    if (WRITE_METHODS.has(request.method) && status < 500) {
      metrics.commands.inc({ outcome: status < 400 ? 'ok' : status === 409 ? 'conflict' : 'refused' });
    }
    done();
  });
}
