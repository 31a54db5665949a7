import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp } from '@gatehouse/http';
import { trustProxies } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { RolesServiceModule } from './roles-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3004);
  const session = { sessionKey: requiredSecret(process.env, 'GATEHOUSE_SESSION_KEY') };
  const app = await NestFactory.create(RolesServiceModule.register(env, session));
  trustProxies(app, env.trustedProxies);
  configureHttpApp(app, 'Gatehouse roles service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  new Logger('roles').log(`roles service on port ${env.port}`);
}

main().catch((error: unknown) => {
  new Logger('roles').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
