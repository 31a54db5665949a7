import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

/**
 * Runs `readAhead` for every request at a Fastify hook of the app's adapter: `onRequest` before the body
 * is parsed, `preHandler` after it, both before the guard reads. Nest middleware would need middie, which
 * the adapter skips.
 */
export function addReadAheadHook(
  http: HttpAdapterHost,
  hook: 'onRequest' | 'preHandler',
  readAhead: (request: FastifyRequest) => void,
): void {
  const run = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    readAhead(request);
    done();
  };
  const fastify = http.httpAdapter.getInstance<FastifyInstance>();
  if (hook === 'onRequest') fastify.addHook('onRequest', run);
  else fastify.addHook('preHandler', run);
}
