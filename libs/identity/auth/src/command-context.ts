import type { CommandContext } from '@gatehouse/event-store';
import { correlationIdOf } from '@gatehouse/http';
import type { Request } from 'express';

export type RequestContext = Omit<CommandContext, 'accountId'>;

/** Every event the request appends carries the request's correlation id, and so does a 500's problem. */
export function requestContext(request: Request, actor: string): RequestContext {
  return { actor, correlationId: correlationIdOf(request), causationId: null, now: new Date() };
}

export function commandContext(request: Request, accountId: string, actor: string): CommandContext {
  return { ...requestContext(request, actor), accountId };
}
