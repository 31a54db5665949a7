import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readDistributedEnv } from '@gatehouse/config';
import { configureHttpApp } from '@gatehouse/http';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readIdentitySecrets, trustProxies } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { RolesServiceModule } from './roles-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3004);
  const secrets = readIdentitySecrets(process.env);
  const app = await NestFactory.create(RolesServiceModule.register(env, secrets), { bufferLogs: true });
  const logger = useStructuredLogging(app, 'roles');
  trustProxies(app, env.trustedProxies);
  configureHttpApp(app, 'Gatehouse roles service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`roles service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('roles').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
