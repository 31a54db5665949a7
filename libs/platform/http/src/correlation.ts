import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';

const assigned = new WeakMap<FastifyRequest, string>();

/**
 * The request's correlation id: the gateway's request id (x-request-id), else the caller's own
 * (x-correlation-id), else a new one, the same for the whole request. It goes into every event the
 * request appends and into the problem of a 500, so one id follows a request from HTTP to the logs.
 */
export function correlationIdOf(request: FastifyRequest): string {
  const known = assigned.get(request);
  if (known) return known;
  const given = request.headers['x-request-id'] ?? request.headers['x-correlation-id'];
  const id = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : uuidv7();
  assigned.set(request, id);
  return id;
}
