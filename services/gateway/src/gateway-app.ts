import { Agent, type Server } from 'node:http';
import type { Socket } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { v7 as uuidv7 } from 'uuid';
import { type Upstreams, upstreamFor } from './routes';

const REQUEST_ID = /^[\w.-]{1,128}$/;

/**
 * The one base URL of the distributed mode: routes by path (routes.ts) through http-proxy-middleware,
 * streams bodies both ways, and is the edge for client addresses — X-Forwarded-For is replaced by the
 * socket peer, never passed on from the client — and for request ids (X-Request-Id kept when well formed,
 * made otherwise, and echoed to the client).
 */
export function createGatewayApp(upstreams: Upstreams): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/ready', async (_request, response) => {
    const checks = await Promise.all(
      Object.entries(upstreams).map(async ([name, url]) => {
        const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
          .then(async (answer) => (await answer.arrayBuffer(), answer.ok))
          .catch(() => false);
        return [name, { ok }] as const;
      }),
    );
    const ready = checks.every(([, check]) => check.ok);
    response.status(ready ? 200 : 503).json({ ready, checks: Object.fromEntries(checks) });
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const given = request.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : uuidv7();
    request.headers['x-request-id'] = id;
    response.setHeader('x-request-id', id);
    next();
  });
  // Service-to-service endpoints are never reachable from outside, whatever credential a caller brings.
  app.use('/internal', (_request: Request, response: Response) => {
    response
      .status(404)
      .type('application/problem+json')
      .json({ type: 'about:blank', title: 'Not Found', status: 404 });
  });
  app.use(
    createProxyMiddleware<Request, Response>({
      router: (request) => upstreamFor(request.method, request.path, upstreams) ?? upstreams.users,
      changeOrigin: false,
      // Without a keep-alive agent every request opens an upstream connection and answers the client with
      // `connection: close`, so every client request opens one too (a second or more each under load).
      // `timeout` makes the agent honour the upstream's `Keep-Alive: timeout=5` hint (idle sockets are
      // dropped a second before the service would close them); without it an idle socket is reused just
      // as the service closes it, and the request fails with a 502 after any pause of 5 s or more.
      agent: new Agent({ keepAlive: true, maxSockets: 512, timeout: 60_000 }),
      proxyTimeout: 30_000,
      on: {
        proxyReq: (proxyRequest, request) => {
          proxyRequest.setHeader('x-forwarded-for', request.socket.remoteAddress ?? '');
          proxyRequest.setHeader('x-forwarded-proto', 'http');
        },
        error: (_error, _request, target) => {
          const response = target as Response | Socket;
          if (!('status' in response) || response.headersSent) return;
          response.status(502).type('application/problem+json').json({
            type: 'about:blank',
            title: 'Bad Gateway',
            status: 502,
            detail: 'the service behind this route did not answer',
          });
        },
      },
    }),
  );
  return app;
}

export function listen(app: express.Express, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}
