import type { INestApplication } from '@nestjs/common';
import {
  json,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  urlencoded,
} from 'express';
import { BODY_LIMITS, bodyLimitFor, routeLimitFor, type RouteBodyLimit } from './body-limits';
import { jsonDepthExceeds } from './json-depth';
import { refusalFromParser, RequestRefused } from './request-refused';

const JSON_TYPES = ['application/json', 'application/*+json'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

function refuseDeepJson(_request: unknown, _response: unknown, raw: Buffer): void {
  if (jsonDepthExceeds(raw, BODY_LIMITS.maxDepth)) {
    throw Object.assign(new Error(`nesting deeper than ${BODY_LIMITS.maxDepth} levels`), {
      status: 400,
      type: 'entity.too.deep',
    });
  }
}

function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length']) > 0;
}

/**
 * JSON only, uncompressed, within the route's byte limit and nesting depth; every refusal is a
 * RequestRefused the problem filter answers. The one exception is an HTML page's form post (a route
 * marked `form`): flat urlencoded fields, no nesting, within the same limit. Installed before Nest's own
 * parsers, and named `jsonParser` on purpose: Nest then skips adding its default one (100 KB, any depth).
 */
export function installBodyParsing(app: INestApplication, routes: readonly RouteBodyLimit[]): void {
  const parsers = new Map<string, RequestHandler>();
  const parserFor = (limit: number, form: boolean): RequestHandler => {
    const key = `${form ? 'form' : 'json'}:${limit}`;
    const known = parsers.get(key);
    if (known) return known;
    const parser = form
      ? urlencoded({ limit, inflate: false, extended: false, parameterLimit: 20, type: FORM_TYPE })
      : json({ limit, inflate: false, strict: true, type: JSON_TYPES, verify: refuseDeepJson });
    parsers.set(key, parser);
    return parser;
  };
  app.use(function jsonParser(request: Request, response: Response, next: NextFunction) {
    if (!hasBody(request)) return next();
    const limit = bodyLimitFor(routes, request.method, request.path);
    if (routeLimitFor(routes, request.method, request.path)?.form && request.is(FORM_TYPE)) {
      return parserFor(limit, true)(request, response, (error?: unknown) =>
        next(error ? refusalFromParser(error) : undefined),
      );
    }
    if (!request.is(JSON_TYPES)) {
      return next(
        new RequestRefused(
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          'The request body must be JSON',
          `Content-Type must be application/json, not ${request.headers['content-type'] ?? 'missing'}`,
          'content-type',
        ),
      );
    }
    return parserFor(limit, false)(request, response, (error?: unknown) =>
      next(error ? refusalFromParser(error) : undefined),
    );
  });
}
