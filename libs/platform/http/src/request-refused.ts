import { type Problem, problem } from './problem';

/**
 * A request refused before it reached a controller: by the body parser, the media-type check or the HTTP
 * parser. Each carries the status and the stable code of the rule it broke, so the filter needs no
 * knowledge of the parser's own error shapes.
 */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly field = 'body',
  ) {
    super(detail);
    this.name = 'RequestRefused';
  }

  toProblem(): Problem {
    return problem(this.status, this.code, this.title, this.detail, [
      { field: this.field, rule: this.code, message: this.detail },
    ]);
  }
}

/** The `type` body-parser (and raw-body beneath it) gives each error it raises. */
interface ParserError {
  readonly type?: unknown;
  readonly status?: unknown;
  readonly limit?: unknown;
  readonly expose?: unknown;
  readonly message?: unknown;
}

/**
 * Every error body-parser 2 raises, as a refusal. Anything else it passes on (a stream already read, a
 * stream that is not readable) is a server fault and stays a 500.
 */
export function refusalFromParser(error: unknown): unknown {
  const { type, limit, status, expose } = (error ?? {}) as ParserError;
  switch (type) {
    case 'entity.too.large':
      return new RequestRefused(
        413,
        'BODY_TOO_LARGE',
        'The request body is too large',
        `this route accepts at most ${String(limit)} bytes`,
      );
    case 'entity.too.deep':
      return new RequestRefused(
        400,
        'JSON_TOO_DEEP',
        'The request body is nested too deeply',
        String((error as Error).message),
      );
    case 'entity.parse.failed':
      return new RequestRefused(
        400,
        'MALFORMED_JSON',
        'The request body is not valid JSON',
        'the body must be one JSON document',
      );
    case 'encoding.unsupported':
      return new RequestRefused(
        415,
        'UNSUPPORTED_CONTENT_ENCODING',
        'The request body is compressed',
        'request bodies are accepted uncompressed only (Content-Encoding: identity)',
        'content-encoding',
      );
    case 'charset.unsupported':
      return new RequestRefused(
        415,
        'UNSUPPORTED_CHARSET',
        'The request body has an unsupported charset',
        'JSON bodies are accepted in UTF-8',
        'content-type',
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return new RequestRefused(
        400,
        'BODY_INCOMPLETE',
        'The request body is incomplete',
        'the body did not match its Content-Length',
      );
    default:
      // Any other error the parser marks as the client's (expose, 4xx) still names its status.
      if (expose === true && typeof status === 'number' && status >= 400 && status < 500)
        return new RequestRefused(
          status,
          'BAD_BODY',
          'The request body was refused',
          String((error as Error).message),
        );
      return error;
  }
}
