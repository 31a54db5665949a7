import { Agent, type ClientRequest, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import type { ServiceLogger } from '@gatehouse/logging';
import { type Upstreams, upstreamFor } from './routes';
import type { UpstreamPool } from './upstream-pool';
import { readBody } from './read-body';

/** Far above what any service accepts (their JSON parsers stop at 100 kB), so they keep their own 413. */
const MAX_BODY_BYTES = 1024 * 1024;

interface Attempt {
  readonly pool: UpstreamPool;
  readonly tried: Set<string>;
  target: string;
  readonly next: NextFunction;
}

/**
 * Proxies each request to an instance of the service its route names, in turn. When an instance refuses
 * the connection, the same request goes to the next instance: a refused connect sent no byte, so no
 * service can have seen it. Any other failure (a reset, a timeout) may come after the service acted on
 * the request, so it is never re-sent: the client gets a 502 and decides. To re-send at all the body is
 * read before the first attempt (API bodies are small) and replayed on each one.
 */
export function balancedProxy(upstreams: Upstreams<UpstreamPool>, logger: ServiceLogger): RequestHandler {
  const attempts = new WeakMap<IncomingMessage, Attempt>();
  const proxy = createProxyMiddleware<Request, Response>({
    router: (request) => attempts.get(request)?.target,
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
      error: (error, request, target) => {
        logger.warn({ err: error }, 'an instance behind this route did not answer');
        const response = target as Response | Socket;
        if (!('status' in response) || response.headersSent) return;
        const attempt = attempts.get(request);
        const next = attempt && refusedConnection(error) ? nextInstance(attempt) : undefined;
        if (attempt && next) {
          void proxy(request, response, attempt.next);
          return;
        }
        problem(response, 502, 'the service behind this route did not answer');
      },
    },
  });
  return async (request, response, next) => {
    const pool = upstreamFor(request.method, request.path, upstreams) ?? upstreams.users;
    const body = await readBody(request, MAX_BODY_BYTES).catch(() => null);
    if (body === null) return void request.destroy();
    if (body === 'too large') {
      response.setHeader('connection', 'close');
      return problem(response, 413, `the request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    // http-proxy sends the body with `request.pipe(proxyRequest)`; the stream is spent after the first
    // attempt, so every attempt gets the bytes read above instead, once the socket is assigned: the
    // proxyReq listener above sets headers then, and http-proxy's own 'socket' listener runs first.
    request.pipe = ((destination: ClientRequest) => {
      destination.once('socket', () => destination.end(body));
      return destination;
    }) as unknown as typeof request.pipe;
    const target = pool.pick() as string;
    attempts.set(request, { pool, tried: new Set([target]), target, next });
    await proxy(request, response, next);
  };
}

function refusedConnection(error: Error): boolean {
  return (error as NodeJS.ErrnoException).syscall === 'connect';
}

function nextInstance(attempt: Attempt): string | undefined {
  attempt.pool.refused(attempt.target);
  const next = attempt.pool.pick(attempt.tried);
  if (next === undefined) return undefined;
  attempt.tried.add(next);
  attempt.target = next;
  return next;
}

const titles = {
  413: { title: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' },
  502: { title: 'Bad Gateway', code: 'BAD_GATEWAY' },
};

function problem(response: Response, status: keyof typeof titles, detail: string): void {
  response
    .status(status)
    .type('application/problem+json')
    .json({ type: 'about:blank', ...titles[status], status, detail });
}
