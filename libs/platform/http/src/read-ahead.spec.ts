import type { HttpAdapterHost } from '@nestjs/core';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { ReadAhead } from './read-ahead';

class Recording extends ReadAhead {
  readonly seen: unknown[] = [];

  constructor(
    app: FastifyInstance,
    hook: 'onRequest' | 'preHandler',
    private readonly fault = false,
  ) {
    super({ httpAdapter: { getInstance: () => app } } as unknown as HttpAdapterHost, hook);
  }

  protected readAhead(request: FastifyRequest): readonly Promise<unknown>[] {
    if (this.fault) throw new Error('a bug in a read-ahead');
    this.seen.push(request.body);
    return [Promise.reject(new Error('a read that failed'))];
  }
}

describe('a read-ahead', () => {
  let app: FastifyInstance;
  beforeEach(() => {
    app = Fastify();
    app.post('/things', async (request) => ({ got: request.body }));
  });
  afterEach(() => app.close());

  it('sees each request before its handler: at onRequest without its body, at preHandler with it', async () => {
    const early = new Recording(app, 'onRequest');
    const late = new Recording(app, 'preHandler');
    early.onModuleInit();
    late.onModuleInit();
    const answer = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x' } });
    expect(answer.json()).toEqual({ got: { name: 'x' } });
    expect([early.seen, late.seen]).toEqual([[undefined], [{ name: 'x' }]]);
  });

  it('never fails the request it reads for', async () => {
    new Recording(app, 'onRequest', true).onModuleInit();
    new Recording(app, 'preHandler', true).onModuleInit();
    const answer = await app.inject({ method: 'POST', url: '/things', payload: { name: 'x' } });
    expect(answer.statusCode).toBe(200);
  });
});
