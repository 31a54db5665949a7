import 'reflect-metadata';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readIdentitySecrets } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { credentialBodyLimits } from '@gatehouse/users-api';
import { readMailSettings } from '@gatehouse/notifications-smtp';
import { UsersServiceModule } from './users-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3001);
  const config = {
    ...readIdentitySecrets(process.env),
    operatorToken: requiredSecret(process.env, 'GATEHOUSE_OPERATOR_TOKEN'),
  };
  const mail = readMailSettings(process.env, env.port);
  const app = await createHttpApp(UsersServiceModule.register(env, config, mail), {
    trustedProxies: env.trustedProxies,
  });
  const logger = useStructuredLogging(app, 'users');
  configureHttpApp(app, 'Gatehouse users service', { bodyLimits: credentialBodyLimits });
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`users service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('users').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
