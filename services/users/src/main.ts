import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp } from '@gatehouse/http';
import { trustProxies } from '@gatehouse/identity';
import { recordHttpMetrics } from '@gatehouse/operations';
import { readMailSettings } from './mail-settings';
import { UsersServiceModule } from './users-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3001);
  const config = {
    sessionKey: requiredSecret(process.env, 'GATEHOUSE_SESSION_KEY'),
    operatorToken: requiredSecret(process.env, 'GATEHOUSE_OPERATOR_TOKEN'),
    reservationKey: requiredSecret(process.env, 'GATEHOUSE_RESERVATION_KEY'),
  };
  const mail = readMailSettings(process.env, env.port);
  const app = await NestFactory.create(UsersServiceModule.register(env, config, mail));
  trustProxies(app, env.trustedProxies);
  configureHttpApp(app, 'Gatehouse users service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  new Logger('users').log(`users service on port ${env.port}`);
}

main().catch((error: unknown) => {
  new Logger('users').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
