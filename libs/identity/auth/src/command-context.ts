import type { CommandContext } from '@gatehouse/event-store';
import { correlationIdOf } from '@gatehouse/http';
import { isTraceparent } from '@gatehouse/logging';
import type { FastifyRequest } from 'fastify';

export type RequestContext = Omit<CommandContext, 'accountId'>;

/**
 * Every event the request appends carries the request's correlation id (the gateway's x-request-id, or
 * the caller's own), and so does a 500's problem; the W3C traceparent travels beside it the same way.
 */
export function requestContext(request: FastifyRequest, actor: string): RequestContext {
  const traceparent = request.headers['traceparent'];
  return {
    actor,
    correlationId: correlationIdOf(request),
    causationId: null,
    ...(isTraceparent(traceparent) ? { traceparent } : {}),
    now: new Date(),
  };
}

export function commandContext(request: FastifyRequest, accountId: string, actor: string): CommandContext {
  return { ...requestContext(request, actor), accountId };
}
