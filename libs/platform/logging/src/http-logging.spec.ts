import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { requestLineLogger, requestLogging } from './http-logging';
import { capturedLogger } from './captured-lines.fixture';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('request logging', () => {
  let lines: Record<string, unknown>[];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const { lines: captured, logger } = capturedLogger();
    lines = captured;
    const app = express();
    app.use(requestLogging(logger));
    app.get('/v1/things/:id', async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info({ seen: request.headers['x-request-id'] }, 'inside');
      response.json({ ok: true });
    });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
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
