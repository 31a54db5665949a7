import { Logger, type OnModuleInit } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';

const logger = new Logger('read-ahead');

/**
 * A provider that asks for a request's streams before the guard asks for the caller's, so the state
 * cache reads them all in one round trip. `readAhead` runs for every request at a Fastify hook of the
 * app's adapter: `onRequest` before the body is parsed, `preHandler` after it, both before the guard
 * reads. It decides nothing: a read it starts that fails is read again by the handler, and a fault of its
 * own is logged and the request goes on. Nest middleware would need middie, which the adapter skips.
 */
export abstract class ReadAhead implements OnModuleInit {
  protected constructor(
    private readonly http: HttpAdapterHost,
    private readonly hook: 'onRequest' | 'preHandler',
  ) {}

  onModuleInit(): void {
    const run = (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void => {
      try {
        // A read that fails is no news: the handler's own load reads again.
        for (const read of this.readAhead(request)) read.catch(() => undefined);
      } catch (error) {
        // Only an optimisation: a read-ahead's own fault must never fail the request it reads for.
        logger.warn(`${this.constructor.name} failed: ${error instanceof Error ? error.message : error}`);
      }
      done();
    };
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    if (this.hook === 'onRequest') fastify.addHook('onRequest', run);
    else fastify.addHook('preHandler', run);
  }

  /** Starts the loads this request will need, or none; returns them. */
  protected abstract readAhead(request: FastifyRequest): readonly Promise<unknown>[];
}
