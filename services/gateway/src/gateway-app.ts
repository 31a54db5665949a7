import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type Server,
  type ServerResponse,
} from 'node:http';
import { logWhenClosed, requestTraceOf, type ServiceLogger } from '@gatehouse/logging';
import { balancedProxy } from './balanced-proxy';
import { problem, sendJson } from './problem';
import { readBody } from './read-body';
import { type Upstreams, upstreamFor } from './routes';
import type { UpstreamPool } from './upstream-pool';

/** Far above what any service accepts (their JSON parsers stop at 100 kB), so they keep their own 413. */
const MAX_BODY_BYTES = 1024 * 1024;

/** Service-to-service endpoints, never reachable from outside whatever credential a caller brings. */
const INTERNAL = /^\/internal(\/|$)/i;

/**
 * The one base URL of the distributed mode: routes by path (routes.ts) to one of each service's instances
 * (balanced-proxy.ts), and is the edge for client addresses — X-Forwarded-For is replaced by the socket
 * peer, never passed on from the client — and for request traces: X-Request-Id and W3C traceparent kept
 * when well formed, made otherwise, passed on to the service, and the request id echoed to the client.
 * Plain `node:http`: a request costs the gateway its routing, one log line and the copy of its bytes.
 */
export function createGatewayApp(upstreams: Upstreams<UpstreamPool>, logger: ServiceLogger): RequestListener {
  const forward = balancedProxy(logger);
  const logLine = logWhenClosed(logger);
  const described = new Map(Object.values(upstreams).map((pool) => [pool, pool.urls.join(',')]));
  return (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query === -1 ? url : url.slice(0, query);
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (path === '/health') return sendJson(response, 200, { status: 'ok' });
      if (path === '/ready') return void ready(upstreams, response);
    }
    const trace = requestTraceOf(request.headers);
    response.setHeader('x-request-id', trace.requestId);
    const pool = upstreamFor(request.method ?? 'GET', path, upstreams) ?? upstreams.users;
    const upstream = described.get(pool) as string;
    logLine(trace, request.method ?? 'GET', path, response, () => ({ upstream }));
    if (INTERNAL.test(path)) return problem(response, 404);
    if (!hasBody(request)) return forward(request, response, pool, NO_BODY, trace);
    readBody(request, MAX_BODY_BYTES).then(
      (body) => {
        if (body !== 'too large') return forward(request, response, pool, body, trace);
        response.setHeader('connection', 'close');
        problem(response, 413, `the request body exceeds ${MAX_BODY_BYTES} bytes`);
      },
      () => request.destroy(),
    );
  };
}

const NO_BODY = Buffer.alloc(0);

/** A request without Content-Length or Transfer-Encoding has no body (RFC 9112 §6.3). */
const hasBody = (request: IncomingMessage) =>
  request.headers['transfer-encoding'] !== undefined ||
  (request.headers['content-length'] !== undefined && request.headers['content-length'] !== '0');

/** Ready while every route has at least one instance alive. */
async function ready(upstreams: Upstreams<UpstreamPool>, response: ServerResponse): Promise<void> {
  const checks = await Promise.all(
    Object.entries(upstreams).map(async ([name, pool]) => {
      const ok = (await Promise.all(pool.urls.map(alive))).some(Boolean);
      return [name, { ok }] as const;
    }),
  );
  const isReady = checks.every(([, check]) => check.ok);
  sendJson(response, isReady ? 200 : 503, { ready: isReady, checks: Object.fromEntries(checks) });
}

function alive(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) })
    .then(async (answer) => (await answer.arrayBuffer(), answer.ok))
    .catch(() => false);
}

export function listen(app: RequestListener, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}
