import type { Server } from 'node:http';
import express, { type Request, type Response } from 'express';
import { requestLogging, type ServiceLogger } from '@gatehouse/logging';
import { balancedProxy } from './balanced-proxy';
import { type Upstreams, upstreamFor } from './routes';
import type { UpstreamPool } from './upstream-pool';

/**
 * The one base URL of the distributed mode: routes by path (routes.ts) to one of each service's instances
 * (balanced-proxy.ts), and is the edge for client addresses — X-Forwarded-For is replaced by the socket
 * peer, never passed on from the client — and for request traces: X-Request-Id and W3C traceparent kept
 * when well formed, made otherwise, passed on to the service, and the request id echoed to the client.
 */
export function createGatewayApp(upstreams: Upstreams<UpstreamPool>, logger: ServiceLogger): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  // Ready while every route has at least one instance alive.
  app.get('/ready', async (_request, response) => {
    const checks = await Promise.all(
      Object.entries(upstreams).map(async ([name, pool]) => {
        const ok = (await Promise.all(pool.urls.map(alive))).some(Boolean);
        return [name, { ok }] as const;
      }),
    );
    const ready = checks.every(([, check]) => check.ok);
    response.status(ready ? 200 : 503).json({ ready, checks: Object.fromEntries(checks) });
  });
  const route = (request: Request) =>
    (upstreamFor(request.method, request.path, upstreams) ?? upstreams.users).urls.join(',');
  app.use(requestLogging(logger, (request) => ({ upstream: route(request) })));
  // Service-to-service endpoints are never reachable from outside, whatever credential a caller brings.
  app.use('/internal', (_request: Request, response: Response) => {
    response
      .status(404)
      .type('application/problem+json')
      .json({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
  app.use(balancedProxy(upstreams, logger));
  return app;
}

function alive(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    .then(async (answer) => (await answer.arrayBuffer(), answer.ok))
    .catch(() => false);
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
