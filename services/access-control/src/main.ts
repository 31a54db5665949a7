import 'reflect-metadata';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readIdentitySecrets } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { AccessControlServiceModule } from './access-control-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3005);
  const secrets = {
    ...readIdentitySecrets(process.env),
    serviceToken: requiredSecret(process.env, 'GATEHOUSE_SERVICE_TOKEN'),
  };
  const app = await createHttpApp(AccessControlServiceModule.register(env, secrets), {
    trustedProxies: env.trustedProxies,
  });
  const logger = useStructuredLogging(app, 'access-control');
  configureHttpApp(app, 'Gatehouse access-control service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`access-control service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('access-control').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
