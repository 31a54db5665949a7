import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { DomainError, type DomainErrorKind } from '@gatehouse/domain-kit';
import { WrongExpectedVersion } from '@gatehouse/event-store';
import type { Response } from 'express';
import { type Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';
import { InvalidInput } from './validation';

const statusByKind: Record<DomainErrorKind, number> = {
  conflict: 409,
  'not-found': 404,
  forbidden: 403,
  unprocessable: 422,
};

/** The one place errors become HTTP: every failure leaves as application/problem+json. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toProblem(error);
    if (body.status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    response.status(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private toProblem(error: unknown): Problem {
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
      const code = httpCode(status);
      return problem(status, code, error.message);
    }
    return problem(500, 'INTERNAL', 'Internal error');
  }
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
  };
  return codes[status] ?? `HTTP_${status}`;
}
