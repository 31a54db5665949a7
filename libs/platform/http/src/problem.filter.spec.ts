import { type ArgumentsHost, Logger, NotFoundException } from '@nestjs/common';
import { DomainError } from '@gatehouse/domain-kit';
import { ProblemFilter } from './problem.filter';
import { refusalFromParser } from './request-refused';

interface Sent {
  status?: number;
  type?: string;
  body?: Record<string, unknown>;
}

function answer(error: unknown, headers: Record<string, string> = {}): Sent {
  const sent: Sent = {};
  const response = {
    sent: false,
    raw: { headersSent: false },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type(value: string) {
      sent.type = value;
      return this;
    },
    send(text: string) {
      sent.body = JSON.parse(text) as Record<string, unknown>;
    },
  };
  const request = { method: 'POST', headers, routeOptions: { url: '/v1/things/:id' } };
  const host = {
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => response }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

describe('ProblemFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  describe('for an error nobody named', () => {
    it('answers 500 with a correlation id and logs it once, with the route pattern', () => {
      const sent = answer(new TypeError('boom'), { 'x-request-id': 'req-42' });
      expect(sent).toMatchObject({ status: 500, type: 'application/problem+json' });
      expect(sent.body).toMatchObject({ status: 500, code: 'INTERNAL', correlationId: 'req-42' });
      expect(logged).toHaveBeenCalledTimes(1);
      expect(logged.mock.calls[0][0]).toMatch(/^req-42 POST \/v1\/things\/:id: TypeError: boom/);
    });

    it('makes up a correlation id when the request has none', () => {
      expect(answer(new Error('boom')).body?.['correlationId']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps a parser fault that is not the client’s a 500', () => {
      const fault = Object.assign(new Error('stream is not readable'), { type: 'stream.not.readable' });
      expect(answer(refusalFromParser(fault)).status).toBe(500);
    });
  });

  describe('for a parser refusal', () => {
    it.each([
      ['entity.too.large', 413, 'BODY_TOO_LARGE'],
      ['entity.too.deep', 400, 'JSON_TOO_DEEP'],
      ['entity.parse.failed', 400, 'MALFORMED_JSON'],
      ['encoding.unsupported', 415, 'UNSUPPORTED_CONTENT_ENCODING'],
      ['charset.unsupported', 415, 'UNSUPPORTED_CHARSET'],
      ['request.aborted', 400, 'BODY_INCOMPLETE'],
      ['request.size.invalid', 400, 'BODY_INCOMPLETE'],
    ])('maps %s to %i %s, naming the rule, without logging', (type, status, code) => {
      const sent = answer(
        refusalFromParser(Object.assign(new Error('x'), { type, status: 400, expose: true })),
      );
      expect(sent.status).toBe(status);
      expect(sent.body).toMatchObject({ status, code, errors: [expect.objectContaining({ rule: code })] });
      expect(logged).not.toHaveBeenCalled();
    });

    it('keeps the status of any other client error the parser marks as such', () => {
      const other = Object.assign(new Error('odd'), { status: 400, expose: true });
      expect(answer(refusalFromParser(other))).toMatchObject({ status: 400, body: { code: 'BAD_BODY' } });
    });
  });

  it('maps domain errors by kind and names their field', () => {
    const sent = answer(new DomainError('NAME_BLANK', 'unprocessable', 'blank', 'firstName'));
    expect(sent.body).toMatchObject({ status: 422, errors: [{ field: 'firstName', rule: 'NAME_BLANK' }] });
  });

  it('keeps Nest HTTP exceptions at their status', () => {
    expect(answer(new NotFoundException()).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('keeps a refusal of Fastify’s own at its 4xx, without logging', () => {
    const refused = Object.assign(new Error('Request body size did not match Content-Length'), {
      code: 'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
      statusCode: 400,
    });
    expect(answer(refused).body).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
    expect(logged).not.toHaveBeenCalled();
  });

  it('keeps any other error carrying a 4xx statusCode a 500', () => {
    const stray = Object.assign(new Error('upstream said 404'), { statusCode: 404 });
    expect(answer(stray).status).toBe(500);
  });
});
