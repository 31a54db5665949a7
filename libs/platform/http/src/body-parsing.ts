import type { INestApplication } from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { BODY_LIMITS, bodyLimitFor, type RouteBodyLimit } from './body-limits';
import { jsonDepthExceeds } from './json-depth';
import { refusalFromParser, RequestRefused } from './request-refused';

const JSON_TYPES = ['application/json', 'application/*+json'];

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
 * RequestRefused the problem filter answers. Installed before Nest's own parsers, and named
 * `jsonParser` on purpose: Nest then skips adding its default one (100 KB, any depth).
 */
export function installBodyParsing(app: INestApplication, routes: readonly RouteBodyLimit[]): void {
  const parsers = new Map<number, RequestHandler>();
  const parserFor = (limit: number): RequestHandler => {
    const known = parsers.get(limit);
    if (known) return known;
    const parser = json({ limit, inflate: false, strict: true, type: JSON_TYPES, verify: refuseDeepJson });
    parsers.set(limit, parser);
    return parser;
  };
  app.use(function jsonParser(request: Request, response: Response, next: NextFunction) {
    if (!hasBody(request)) return next();
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
    const limit = bodyLimitFor(routes, request.method, request.path);
    return parserFor(limit)(request, response, (error?: unknown) =>
      next(error ? refusalFromParser(error) : undefined),
    );
  });
}
