import type { INestApplication, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { configureHttpApp } from '@gatehouse/http';
import { recordHttpMetrics } from '@gatehouse/operations';
import { credentialBodyLimits } from '@gatehouse/users-api';
import type { EmbeddedConfig } from './embedded-config';
import { EmbeddedModule } from './embedded.module';

/** Builds the embedded application; `main.ts` listens on it, tests start it on a free port. */
export async function createEmbeddedApp(
  config: EmbeddedConfig,
  logger: LogLevel[] = ['error', 'warn', 'log'],
): Promise<INestApplication> {
  const app = await NestFactory.create(EmbeddedModule.register(config), { logger });
  configureHttpApp(app, 'Gatehouse (embedded)', { bodyLimits: credentialBodyLimits });
  recordHttpMetrics(app);
  return app;
}
