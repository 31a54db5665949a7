import type { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance } from 'fastify';
import type { RouteBodyLimit } from './body-limits';
import { installBodyParsing } from './body-parsing';
import { answerClientErrorAsProblem, answerRouterErrorAsProblem, MAX_PATH_SEGMENT } from './client-errors';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation';

export interface HttpAdapterOptions {
  /**
   * Where `request.ip` comes from, which the IP safelist judges: the socket peer, unless that peer is one of
   * these (addresses, CIDR ranges or `loopback`), in which case X-Forwarded-For is walked right to left past
   * trusted hops. In distributed mode the gateway is that proxy (it replaces any X-Forwarded-For a client
   * sent with the peer it saw); with nothing trusted the header is ignored.
   */
  readonly trustedProxies?: readonly string[];
}

export const REQUEST_TIMEOUT_MS = 300_000;

/**
 * Fastify under Nest: a cached get-user cost 0.29–0.35 ms of CPU on Express, of which 0.2 ms was what even
 * /health cost; Nest on Fastify answered a guarded get for 0.04–0.08 ms where Nest on Express took 0.24–0.30
 * (ADR 20261204-http-on-fastify). Paths match with or without a trailing slash, as they did on Express;
 * a route parameter may be long enough that a validation pipe, not the router, refuses an odd id; the
 * router's own refusals are problems too. Nest middleware is not used, so middie is not loaded (the
 * request hooks live in the installers).
 */
export function httpAdapter(options: HttpAdapterOptions = {}): FastifyAdapter {
  const trusted = options.trustedProxies ?? [];
  return new FastifyAdapter({
    trustProxy: trusted.length > 0 ? [...trusted] : false,
    // Node's own default, which Express kept and Fastify turns off (0): a request whose headers and body
    // take longer than 5 minutes to arrive is answered 408 and its connection closed.
    requestTimeout: REQUEST_TIMEOUT_MS,
    clientErrorHandler: answerClientErrorAsProblem,
    frameworkErrors: answerRouterErrorAsProblem,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PATH_SEGMENT },
    skipMiddie: true,
  });
}

/** A service's Nest application on Fastify, its logs buffered until useStructuredLogging takes them. */
export function createHttpApp(
  module: DynamicModule,
  options: HttpAdapterOptions = {},
): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(module, httpAdapter(options), {
    bufferLogs: true,
    bodyParser: false,
  });
}

/** The Fastify instance beneath a Nest application, where the request hooks are added. */
export const fastifyOf = (app: INestApplication): FastifyInstance =>
  app.getHttpAdapter().getInstance() as FastifyInstance;

export interface HttpAppOptions {
  /** Routes whose bodies are held to another limit than commands in general (docs/limits.md). */
  readonly bodyLimits?: readonly RouteBodyLimit[];
}

/**
 * Shared HTTP setup for every service: JSON bodies within stated limits, problem+json errors from every
 * layer (Node's parser, the body parser, validation, the domain), strict validation, OpenAPI at /docs.
 */
export function configureHttpApp(app: INestApplication, title: string, options: HttpAppOptions = {}): void {
  installBodyParsing(fastifyOf(app), options.bodyLimits ?? []);
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  const config = new DocumentBuilder()
    .setTitle(title)
    .setDescription('Gatehouse: users, roles and access control of platform accounts')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, config), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
}
