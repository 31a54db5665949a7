import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, urlencoded } from 'body-parser';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import typeIs from 'type-is';
import { BODY_LIMITS, bodyLimitFor, routeLimitFor, type RouteBodyLimit } from './body-limits';
import { jsonDepthExceeds } from './json-depth';
import { refusalFromParser, RequestRefused } from './request-refused';

type NextHandleFunction = ReturnType<typeof json>;

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

/** body-parser hands the response only to `verify`, and refuseDeepJson reads the bytes alone. */
const NO_RESPONSE = undefined as unknown as ServerResponse;

function parsed(parser: NextHandleFunction, request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) =>
    parser(request, NO_RESPONSE, (error?: unknown) =>
      error ? reject(refusalFromParser(error)) : resolve((request as { body?: unknown }).body),
    ),
  );
}

/**
 * JSON only, uncompressed, within the route's byte limit and nesting depth; every refusal is a
 * RequestRefused the problem filter answers. The one exception is an HTML page's form post (a route
 * marked `form`): flat urlencoded fields, no nesting, within the same limit. Fastify's own parsers are
 * removed, so this one parser sees every body of every media type (and none), and body-parser reads it:
 * its refusals (charset, encoding, size, aborted) are the ones the rules name.
 */
export function installBodyParsing(fastify: FastifyInstance, routes: readonly RouteBodyLimit[]): void {
  const parsers = new Map<string, NextHandleFunction>();
  const parserFor = (limit: number, form: boolean): NextHandleFunction => {
    const key = `${form ? 'form' : 'json'}:${limit}`;
    const known = parsers.get(key);
    if (known) return known;
    const parser = form
      ? urlencoded({ limit, inflate: false, extended: false, parameterLimit: 20, type: FORM_TYPE })
      : json({ limit, inflate: false, strict: true, type: JSON_TYPES, verify: refuseDeepJson });
    parsers.set(key, parser);
    return parser;
  };
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', async (request: FastifyRequest) => {
    const path = request.url.split('?', 1)[0] as string;
    const limit = bodyLimitFor(routes, request.method, path);
    if (routeLimitFor(routes, request.method, path)?.form && typeIs(request.raw, [FORM_TYPE])) {
      return parsed(parserFor(limit, true), request.raw);
    }
    if (!typeIs(request.raw, JSON_TYPES)) {
      throw new RequestRefused(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be JSON',
        `Content-Type must be application/json, not ${request.raw.headers['content-type'] ?? 'missing'}`,
        'content-type',
      );
    }
    return parsed(parserFor(limit, false), request.raw);
  });
}
