import 'reflect-metadata';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readIdentitySecrets } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { ProjectionsServiceModule } from './projections-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3002);
  const secrets = {
    ...readIdentitySecrets(process.env),
    operatorToken: requiredSecret(process.env, 'GATEHOUSE_OPERATOR_TOKEN'),
  };
  const app = await createHttpApp(ProjectionsServiceModule.register(env, secrets), {
    trustedProxies: env.trustedProxies,
  });
  const logger = useStructuredLogging(app, 'projections');
  configureHttpApp(app, 'Gatehouse projections service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`projections service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('projections').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
