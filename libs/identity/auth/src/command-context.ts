import type { CommandContext } from '@gatehouse/event-store';
import { isTraceparent } from '@gatehouse/logging';
import type { Request } from 'express';
import { v7 as uuidv7 } from 'uuid';

export type RequestContext = Omit<CommandContext, 'accountId'>;

/**
 * Correlation id from the request id the gateway gives every request (x-request-id), or the caller's own
 * (x-correlation-id): it goes into every event the request appends and so onto Kafka, and one id then
 * follows a request from HTTP to the read models. The W3C traceparent travels beside it the same way.
 */
export function requestContext(request: Request, actor: string): RequestContext {
  const given = request.headers['x-request-id'] ?? request.headers['x-correlation-id'];
  const correlationId = typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : uuidv7();
  const traceparent = request.headers['traceparent'];
  return {
    actor,
    correlationId,
    causationId: null,
    ...(isTraceparent(traceparent) ? { traceparent } : {}),
    now: new Date(),
  };
}

export function commandContext(request: Request, accountId: string, actor: string): CommandContext {
  return { ...requestContext(request, actor), accountId };
}
