import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@gatehouse/domain-kit';
import { WrongExpectedVersion } from '@gatehouse/event-store';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { correlationIdOf } from './correlation';
import { type Problem, problem, sendProblem } from './problem';
import { RequestRefused } from './request-refused';
import { InvalidInput } from './validation';

const statusByKind: Record<DomainErrorKind, number> = {
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
  unprocessable: 422,
};

/**
 * The one place errors become HTTP: every failure leaves as application/problem+json. An error nobody
 * named is a 500 carrying a correlation id, logged here once with that id (and the route pattern, never
 * the URL, which may hold what a caller typed).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    let body = toProblem(error);
    if (body.status >= 500) {
      const correlationId = correlationIdOf(request);
      const route = request.routeOptions.url ?? 'unmatched';
      const stack = error instanceof Error ? error.stack : String(error);
      this.logger.error(`${correlationId} ${request.method} ${route}: ${stack}`);
      body = { ...body, correlationId, detail: `quote ${correlationId} when reporting this` };
    }
    // A failure after the first bytes went out cannot become a problem any more: end what was started.
    if (response.sent || response.raw.headersSent) {
      response.raw.end();
      return;
    }
    sendProblem(response, body);
  }
}

function toProblem(error: unknown): Problem {
  if (error instanceof RequestRefused) return error.toProblem();
  if (error instanceof InvalidInput) {
    return problem(400, 'INVALID_INPUT', 'The request is invalid', undefined, error.fields);
  }
  if (error instanceof DomainError) {
    const errors = error.field
      ? [{ field: error.field, rule: error.code, message: error.message }]
      : undefined;
    return problem(statusByKind[error.kind], error.code, error.message, undefined, errors);
  }
  if (error instanceof WrongExpectedVersion) {
    return problem(
      409,
      'STALE_VERSION',
      'The resource changed since you read it',
      `current version is ${error.actual}`,
    );
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return problem(status, httpCode(status), error.message);
  }
  const refused = clientFaultOf(error);
  if (refused) return problem(refused.statusCode, httpCode(refused.statusCode), refused.message);
  return problem(500, 'INTERNAL', 'Internal error');
}

/** Fastify's own refusals (FST_ERR_…, a bad Content-Length say) carry their 4xx as `statusCode`. */
function clientFaultOf(error: unknown): { statusCode: number; message: string } | null {
  const { statusCode, code, message } = (error ?? {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
  };
  const fastifys = typeof code === 'string' && code.startsWith('FST_');
  if (!fastifys || typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return null;
  return { statusCode, message: String(message) };
}

function httpCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    409: 'CONFLICT',
    412: 'PRECONDITION_FAILED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    428: 'PRECONDITION_REQUIRED',
    429: 'TOO_MANY_REQUESTS',
    431: 'HEADERS_TOO_LARGE',
  };
  return codes[status] ?? `HTTP_${status}`;
}
