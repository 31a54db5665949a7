import 'reflect-metadata';
import { readDistributedEnv } from '@gatehouse/config';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readIdentitySecrets } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { RolesServiceModule } from './roles-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3004);
  const secrets = readIdentitySecrets(process.env);
  const app = await createHttpApp(RolesServiceModule.register(env, secrets), {
    trustedProxies: env.trustedProxies,
  });
  const logger = useStructuredLogging(app, 'roles');
  configureHttpApp(app, 'Gatehouse roles service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`roles service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('roles').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
