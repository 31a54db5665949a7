import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE, sendProblem } from './problem';

/** The longest path segment routed (a route parameter): far above any id, below a URL's usual limits. */
export const MAX_PATH_SEGMENT = 1024;

/**
 * Requests Node's HTTP parser refuses never reach Fastify: headers over the server's limit (16 KiB by
 * default) and malformed request lines. Node would answer with an empty body; this, Fastify's
 * clientErrorHandler, answers with a problem naming the rule and closes the connection, as the parser
 * cannot resynchronise.
 */
export function answerClientErrorAsProblem(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, title] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'The request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive']
        : [400, 'MALFORMED_REQUEST', 'The request is not valid HTTP'];
  const body = JSON.stringify(problem(status, code, title));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/** Fastify's router refusals before any route or hook: a path it cannot decode, a segment over its limit. */
export function answerRouterErrorAsProblem(
  error: { statusCode?: number },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, code, title] =
    error.statusCode === 414
      ? [414, 'PATH_SEGMENT_TOO_LONG', `A path segment is longer than ${MAX_PATH_SEGMENT} characters`]
      : [400, 'MALFORMED_URL', 'The URL is not valid'];
  sendProblem(reply, problem(status, code, title));
}
