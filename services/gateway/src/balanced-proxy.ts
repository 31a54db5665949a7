import {
  Agent,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  request as httpRequest,
  type ServerResponse,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { type RequestTrace, type ServiceLogger, traceFieldsOf } from '@gatehouse/logging';
import { problem } from './problem';
import type { UpstreamPool } from './upstream-pool';

/** Headers of one connection, not of the message: never passed on in either direction. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/**
 * Methods whose repeat has the effect of one request (RFC 9110 §9.2.2). Only these are re-sent when a
 * kept-alive connection fails before any answer: the instance may have closed it just before the request
 * was written (it died, or dropped an idle connection), or may have read the request and died acting on it.
 */
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Not answered within this, an instance's request fails with a 502 (a timeout is never re-sent). */
const UPSTREAM_TIMEOUT_MS = 30_000;

interface Target {
  readonly send: typeof httpRequest;
  readonly agent: Agent;
  readonly hostname: string;
  readonly port: string;
  readonly prefix: string;
}

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
 * idempotent request whose kept-alive connection failed before any answer is re-sent once, as HTTP
 * clients do for the race between reusing an idle connection and the instance closing it. To re-send at all the body is
 * read before the first attempt (API bodies are small) and replayed on each one; responses are streamed
 * (the CSV export is large).
 */
export function balancedProxy(logger: ServiceLogger): Forward {
  // node:http's client, not undici's: tried on 2026-12-04, undici's Pool took 10-15 % less of the gateway's
  // CPU a get but added about 1 ms at p50 at 16 connections (BENCH_ONLY=gateway, 3 runs against 2).
  // Without a keep-alive agent every request opens an upstream connection. `timeout` makes the agent
  // honour the upstream's `Keep-Alive: timeout=5` hint (idle sockets are dropped a second before the
  // service would close them); without it an idle socket is reused just as the service closes it, and
  // the request fails with a 502 after any pause of 5 s or more.
  const options = { keepAlive: true, maxSockets: 512, timeout: 60_000 };
  const agents = { http: new Agent(options), https: new HttpsAgent(options) };
  const targets = new Map<string, Target>();
  const targetOf = (url: string): Target => {
    let target = targets.get(url);
    if (target === undefined) {
      const parsed = new URL(url);
      const https = parsed.protocol === 'https:';
      target = {
        send: https ? httpsRequest : httpRequest,
        agent: https ? agents.https : agents.http,
        hostname: parsed.hostname,
        port: parsed.port,
        prefix: parsed.pathname === '/' ? '' : parsed.pathname,
      };
      targets.set(url, target);
    }
    return target;
  };

  return (request, response, pool, body, trace) => {
    const headers = forwardedHeaders(request, body, trace);
    let tried: Set<string> | undefined;
    let resentStale = false;
    // What the client's answer waits on: the request to an instance, then that instance's answer. A
    // client that leaves first frees the upstream socket.
    let pending: ClientRequest | IncomingMessage | undefined;
    response.once('close', () => {
      if (!response.writableFinished) pending?.destroy();
    });

    const attempt = (url: string): void => {
      const target = targetOf(url);
      const upstream = target.send({
        agent: target.agent,
        hostname: target.hostname,
        port: target.port,
        method: request.method,
        path: target.prefix + request.url,
        headers,
        timeout: UPSTREAM_TIMEOUT_MS,
      });
      pending = upstream;
      upstream.on('timeout', () => upstream.destroy(new Error('the instance did not answer in time')));
      upstream.once('response', (answer) => {
        pending = answer;
        response.writeHead(answer.statusCode ?? 502, answer.statusMessage, answeredHeaders(answer, trace));
        // An answer cut short is cut short for the client too. Piped by hand: stream.pipeline does the
        // same but makes an AbortController per call and a DOMException when it aborts it at the end,
        // 5% of the gateway's CPU in the get_user profile.
        answer.on('error', () => response.destroy());
        answer.pipe(response);
      });
      upstream.on('error', (error) => {
        pending = undefined;
        if (response.destroyed || response.headersSent) return void response.destroy();
        logger.warn({ ...traceFieldsOf(trace), err: error }, 'an instance behind this route did not answer');
        const refused = (error as NodeJS.ErrnoException).syscall === 'connect';
        if (refused) pool.refused(url);
        const stale =
          !refused && upstream.reusedSocket && !resentStale && IDEMPOTENT.has(request.method ?? '');
        tried ??= new Set([url]);
        // A stale connection's request goes once more, to the same instance when it is the only one: a
        // fresh connection there fails for real.
        const next = refused || stale ? (pool.pick(tried) ?? (stale ? url : undefined)) : undefined;
        if (next !== undefined) {
          resentStale ||= stale;
          tried.add(next);
          return attempt(next);
        }
        problem(response, 502, 'the service behind this route did not answer');
      });
      if (body.length > 0) upstream.end(body);
      else upstream.end();
    };
    attempt(pool.pick() as string);
  };
}

/**
 * The client's headers but those of its connection, with the gateway as the edge: X-Forwarded-For is the
 * socket peer (never what the client sent), the request's trace, and the length of the body read.
 */
function forwardedHeaders(request: IncomingMessage, body: Buffer, trace: RequestTrace): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const given: IncomingHttpHeaders = request.headers;
  for (const name in given) if (!HOP_BY_HOP.has(name)) headers[name] = given[name];
  headers['x-forwarded-for'] = request.socket.remoteAddress ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers['x-request-id'] = trace.requestId;
  headers['traceparent'] = trace.traceparent;
  if (body.length > 0 || given['content-length'] !== undefined || given['transfer-encoding'] !== undefined) {
    headers['content-length'] = body.length;
  }
  return headers;
}

/** The instance's headers but those of its connection (the gateway's server sets its own), request id echoed. */
function answeredHeaders(answer: IncomingMessage, trace: RequestTrace): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const given = answer.headers;
  for (const name in given) if (!HOP_BY_HOP.has(name)) headers[name] = given[name];
  headers['x-request-id'] = trace.requestId;
  return headers;
}
