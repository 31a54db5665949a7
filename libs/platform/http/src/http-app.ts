import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import type { RouteBodyLimit } from './body-limits';
import { installBodyParsing } from './body-parsing';
import { answerClientErrorsAsProblems } from './client-errors';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation';

export interface HttpAppOptions {
  /** Routes whose bodies are held to another limit than commands in general (docs/limits.md). */
  readonly bodyLimits?: readonly RouteBodyLimit[];
}

/**
 * Shared HTTP setup for every service: JSON bodies within stated limits, problem+json errors from every
 * layer (Node's parser, the body parser, validation, the domain), strict validation, OpenAPI at /docs.
 */
export function configureHttpApp(app: INestApplication, title: string, options: HttpAppOptions = {}): void {
  answerClientErrorsAsProblems(app.getHttpServer() as Server);
  installBodyParsing(app, options.bodyLimits ?? []);
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
