import Fastify, { type FastifyInstance } from 'fastify';
import { logRequests, requestLineLogger } from './http-logging';
import { capturedLogger } from './captured-lines.fixture';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('request logging', () => {
  let lines: Record<string, unknown>[];
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    const { lines: captured, logger } = capturedLogger();
    lines = captured;
    app = Fastify();
    logRequests(app, logger);
    app.get('/v1/things/:id', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({ seen: request.headers['x-request-id'] }, 'inside');
      return { ok: true };
    });
    app.post('/v1/things', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({ seen: request.headers['x-request-id'] }, 'inside');
      return request.body;
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => app.close());
  beforeEach(() => lines.splice(0));

  it('names the request and its trace on the lines logged while handling it and on its own line', async () => {
    const response = await fetch(`${base}/v1/things/42`, {
      headers: { 'x-request-id': 'req-1', traceparent: TRACEPARENT },
    });
    await response.arrayBuffer();
    expect(response.headers.get('x-request-id')).toBe('req-1');
    const trace = { requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' };
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toEqual([
      expect.objectContaining({ ...trace, msg: 'inside', seen: 'req-1' }),
      expect.objectContaining({
        ...trace,
        msg: 'request handled',
        method: 'GET',
        route: '/v1/things/:id',
        status: 200,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('keeps the trace on lines logged after a body was read from the socket', async () => {
    const response = await fetch(`${base}/v1/things`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-2' },
      body: JSON.stringify({ name: 'x'.repeat(100_000) }),
    });
    await response.arrayBuffer();
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({ requestId: 'req-2', msg: 'inside', seen: 'req-2' });
    expect(lines[1]).toMatchObject({ requestId: 'req-2', route: '/v1/things', status: 200 });
  });

  it('gives a request without an id a new one, which handlers see and the client gets back', async () => {
    const response = await fetch(`${base}/v1/things/42`);
    await response.arrayBuffer();
    const given = response.headers.get('x-request-id');
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      requestId: given,
      seen: given,
      traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });
});

describe('the request-line logger', () => {
  it('writes to the service log unredacted, and the service logger still redacts what it logs', () => {
    const { lines, logger } = capturedLogger();
    requestLineLogger(logger).info({ method: 'GET', token: 'not a secret here' }, 'request handled');
    logger.info({ body: { password: 'hunter2' }, token: 'abc' }, 'careless');
    expect(lines).toEqual([
      expect.objectContaining({ service: 'users', token: 'not a secret here', msg: 'request handled' }),
      expect.objectContaining({ body: { password: '[redacted]' }, token: '[redacted]', msg: 'careless' }),
    ]);
  });
});
