import type { INestApplication } from '@nestjs/common';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { acceptInvitePageForms } from '@gatehouse/invites-api';
import { type ServiceLoggerOptions, useStructuredLogging } from '@gatehouse/logging';
import { recordHttpMetrics } from '@gatehouse/operations';
import { credentialBodyLimits } from '@gatehouse/users-api';
import type { EmbeddedConfig } from './embedded-config';
import { EmbeddedModule } from './embedded.module';

/** Builds the embedded application; `main.ts` listens on it, tests start it on a free port. */
export async function createEmbeddedApp(
  config: EmbeddedConfig,
  level?: ServiceLoggerOptions['level'],
): Promise<INestApplication> {
  const app = await createHttpApp(EmbeddedModule.register(config));
  useStructuredLogging(app, 'gatehouse', { level });
  configureHttpApp(app, 'Gatehouse (embedded)', {
    bodyLimits: [...credentialBodyLimits, ...acceptInvitePageForms],
  });
  recordHttpMetrics(app);
  return app;
}
