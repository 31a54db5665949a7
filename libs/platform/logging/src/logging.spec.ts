import type { StoredEvent } from '@gatehouse/contracts';
import { logLevel } from 'kafkajs';
import { tracedBatch } from './batch-trace';
import { kafkaLogs } from './kafka-logs';
import { PinoNestLogger } from './nest-logger';
import { capturedLogger as capture } from './captured-lines.fixture';
import { requestArrival, requestTraceOf, withTrace } from './trace-context';
import { isTraceparent, newTraceparent } from './traceparent';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const event = (correlationId: string, traceparent?: string): StoredEvent => ({
  eventId: `e-${correlationId}`,
  type: 'UserCreated',
  schemaVersion: 1,
  accountId: 'a',
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: 'u',
  correlationId,
  causationId: null,
  ...(traceparent === undefined ? {} : { traceparent }),
  data: {},
  streamId: 'user-1',
  streamPosition: 0,
  globalPosition: 1,
  checkpoint: '1:1',
});

describe('a service logger', () => {
  it('writes JSON lines with the level by name, ISO time and the service', () => {
    const { lines, logger } = capture();
    logger.info('started');
    expect(lines).toEqual([expect.objectContaining({ level: 'info', service: 'users', msg: 'started' })]);
    expect(new Date(String(lines[0]['time'])).toISOString()).toBe(lines[0]['time']);
  });

  it('names the request and its trace on every line logged while the request runs, and only then', async () => {
    const { lines, logger } = capture();
    await withTrace({ requestId: 'req-1', traceparent: TRACEPARENT }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('inside');
    });
    logger.info('outside');
    expect(lines[0]).toMatchObject({ requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    expect(lines[1]).not.toHaveProperty('requestId');
  });

  it('replaces the values of fields that may hold secrets', () => {
    const { lines, logger } = capture();
    logger.info({ body: { password: 'hunter2' }, headers: { authorization: 'Bearer x' } }, 'oops');
    expect(JSON.stringify(lines)).not.toMatch(/hunter2|Bearer x/);
  });
});

describe('a batch of events', () => {
  it('is logged once handled, naming every request and trace it came from', async () => {
    const { lines, logger } = capture();
    const batch = [event('req-1', TRACEPARENT), event('req-2'), event('req-1', TRACEPARENT)];
    await tracedBatch(logger, 'events handled', batch, async () => logger.info('while handling'));
    const trace = { requestIds: ['req-1', 'req-2'], traceIds: ['4bf92f3577b34da6a3ce929d0e0e4736'] };
    expect(lines).toEqual([
      expect.objectContaining({ ...trace, msg: 'while handling' }),
      expect.objectContaining({ ...trace, msg: 'events handled', events: 3 }),
    ]);
  });
});

describe('the trace of a request', () => {
  it('keeps a well-formed request id and traceparent', () => {
    expect(requestTraceOf({ 'x-request-id': 'req-42.a_b', traceparent: TRACEPARENT })).toEqual({
      requestId: 'req-42.a_b',
      traceparent: TRACEPARENT,
      arrivedAt: expect.any(Number),
    });
  });

  it('knows when it arrived while it is served, and nothing outside it', () => {
    const before = performance.now();
    const trace = requestTraceOf({});
    expect(trace.arrivedAt).toBeGreaterThanOrEqual(before);
    expect(withTrace(trace, requestArrival)).toBe(trace.arrivedAt);
    expect(withTrace({ requestIds: ['a'], traceIds: ['b'] }, requestArrival)).toBeUndefined();
    expect(requestArrival()).toBeUndefined();
  });

  it('replaces malformed ones with new ones', () => {
    const trace = requestTraceOf({
      'x-request-id': 'no spaces allowed',
      traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
    });
    expect(trace.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(isTraceparent(trace.traceparent)).toBe(true);
    expect(trace.traceparent).not.toContain('0000000000000000');
  });

  it('makes valid, distinct traceparents', () => {
    const [one, two] = [newTraceparent(), newTraceparent()];
    expect(isTraceparent(one) && isTraceparent(two)).toBe(true);
    expect(one.slice(3, 35)).not.toBe(two.slice(3, 35));
  });
});

describe('Nest through pino', () => {
  it('keeps the context, the stack of an error and fields of an object message', () => {
    const { lines, logger } = capture('debug');
    const nest = new PinoNestLogger(logger);
    nest.log('mapped', 'RouterExplorer');
    nest.error('failed', 'Error: x\n    at f (file.ts:1:2)', 'http');
    nest.debug({ msg: 'batch', events: 2 }, 'projector');
    expect(lines).toEqual([
      expect.objectContaining({ level: 'info', context: 'RouterExplorer', msg: 'mapped' }),
      expect.objectContaining({ level: 'error', context: 'http', stack: expect.stringContaining('at f') }),
      expect.objectContaining({ level: 'debug', context: 'projector', msg: 'batch', events: 2 }),
    ]);
  });
});

describe('kafkajs through pino', () => {
  it('logs its lines at their level, with their fields, as the service', () => {
    const { lines, logger } = capture();
    const log = kafkaLogs(logger)(logLevel.ERROR);
    log({
      namespace: 'Consumer',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 't', logger: 'kafkajs', message: 'crashed', groupId: 'g' },
    });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'error',
        service: 'users',
        context: 'kafkajs',
        namespace: 'Consumer',
        groupId: 'g',
        msg: 'crashed',
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('logger');
  });
});
