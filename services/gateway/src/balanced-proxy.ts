import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { type RequestTrace, type ServiceLogger, traceFieldsOf } from '@gatehouse/logging';
import { errors, Pool } from 'undici';
import { problem } from './problem';
import type { UpstreamPool } from './upstream-pool';

/**
 * Headers of one connection, not of the message: never passed on in either direction. `expect` too: the
 * gateway has read the whole body before it sends anything on (and undici refuses the header).
 */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
  'expect',
]);

/**
 * Methods whose repeat has the effect of one request (RFC 9110 §9.2.2). Only these are re-sent when a
 * connection fails before any answer: the instance may have closed a kept-alive connection just before
 * the request was written (it died, or dropped an idle connection), or may have read the request and died
 * acting on it; a client may repeat such a request automatically (§9.2.2), and the gateway does, once.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Not answered within this, an instance's request fails with a 502 (a timeout is never re-sent). */
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * One pool of kept-alive connections per instance. The threshold makes the pool drop an idle connection a
 * second before the instance's `Keep-Alive: timeout=…` hint says the instance would; nearer, a request
 * sent on it meets the instance closing it.
 */
const POOL_OPTIONS: Pool.Options = {
  connections: 512,
  keepAliveTimeoutThreshold: 1000,
  headersTimeout: UPSTREAM_TIMEOUT_MS,
  bodyTimeout: UPSTREAM_TIMEOUT_MS,
};

export type Forward = (
  request: IncomingMessage,
  response: ServerResponse,
  pool: UpstreamPool,
  body: Buffer,
  trace: RequestTrace,
) => void;

/**
 * Sends each request to an instance of the service its route names, in turn. When an instance refuses
 * the connection, the same request goes to the next instance: a refused connect sent no byte, so no
 * service can have seen it. Any other failure (a reset, a timeout) may come after the service acted on
 * the request, so it is not re-sent (the client gets a 502 and decides), with one exception: an
 * idempotent request whose connection failed before any answer is re-sent once, as HTTP clients do for
 * the race between reusing an idle connection and the instance closing it. To re-send at all the body is
 * read before the first attempt (API bodies are small) and replayed on each one; responses are streamed
 * (the CSV export is large), with the client's back-pressure.
 *
 * The instances are called with undici rather than `node:http`'s client: a proxied get cost the gateway
 * about half the CPU (ADR 20261204-gateway-calls-instances-with-undici).
 */
export function balancedProxy(logger: ServiceLogger): Forward {
  const pools = new Map<string, Pool>();
  const poolOf = (url: string): Pool => {
    let pool = pools.get(url);
    if (pool === undefined) pools.set(url, (pool = new Pool(url, POOL_OPTIONS)));
    return pool;
  };

  return (request, response, pool, body, trace) => {
    const headers = forwardedHeaders(request, body, trace);
    const method = request.method ?? 'GET';
    let tried: Set<string> | undefined;
    let resent = false;
    // Aborts the instance's request when the client leaves before its answer ended; undici takes any
    // emitter of 'abort' as a signal, which costs less than an AbortController a request.
    const leaving = new EventEmitter();
    response.once('close', () => {
      if (!response.writableFinished) leaving.emit('abort');
    });

    const attempt = (url: string): void => {
      poolOf(url).stream(
        { path: request.url ?? '/', method, headers, body: body.length > 0 ? body : null, signal: leaving },
        ({ statusCode, headers: answered }) => {
          response.writeHead(statusCode, answeredHeaders(answered, trace));
          return response;
        },
        (error) => {
          if (error === null || response.destroyed) return;
          if (response.headersSent) return void response.destroy();
          logger.warn(
            { ...traceFieldsOf(trace), err: error },
            'an instance behind this route did not answer',
          );
          const refused = (error as NodeJS.ErrnoException).syscall === 'connect';
          if (refused) pool.refused(url);
          const stale = !refused && connectionFailed(error) && !resent && IDEMPOTENT.has(method);
          tried ??= new Set([url]);
          // A failed connection's request goes once more, to the same instance when it is the only one.
          const next = refused || stale ? (pool.pick(tried) ?? (stale ? url : undefined)) : undefined;
          if (next !== undefined) {
            resent ||= stale;
            tried.add(next);
            return attempt(next);
          }
          problem(response, 502, 'the service behind this route did not answer');
        },
      );
    };
    attempt(pool.pick() as string);
  };
}

/** The connection closed or was reset under the request, as opposed to a timeout or an abort. */
const connectionFailed = (error: Error) =>
  error instanceof errors.SocketError ||
  ['ECONNRESET', 'EPIPE'].includes((error as NodeJS.ErrnoException).code ?? '');

/**
 * The client's headers but those of its connection, with the gateway as the edge: X-Forwarded-For is the
 * socket peer (never what the client sent), the request's trace, and the length of the body read.
 */
function forwardedHeaders(request: IncomingMessage, body: Buffer, trace: RequestTrace): IncomingHttpHeaders {
  const headers: IncomingHttpHeaders = {};
  const given: IncomingHttpHeaders = request.headers;
  for (const name in given) if (!HOP_BY_HOP.has(name)) headers[name] = given[name];
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers['x-request-id'] = trace.requestId;
  headers['traceparent'] = trace.traceparent;
  if (body.length > 0 || given['content-length'] !== undefined || given['transfer-encoding'] !== undefined) {
    headers['content-length'] = String(body.length);
  }
  return headers;
}

/** The instance's headers but those of its connection (the gateway's server sets its own), request id echoed. */
function answeredHeaders(given: IncomingHttpHeaders, trace: RequestTrace): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const name in given) if (!HOP_BY_HOP.has(name)) headers[name] = given[name];
  headers['x-request-id'] = trace.requestId;
  return headers;
}
