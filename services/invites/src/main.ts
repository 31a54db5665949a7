import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { readDistributedEnv, requiredSecret } from '@gatehouse/config';
import { configureHttpApp } from '@gatehouse/http';
import { readMailSettings } from '@gatehouse/notifications-smtp';
import { recordHttpMetrics } from '@gatehouse/operations';
import { InvitesServiceModule } from './invites-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3006);
  const secrets = {
    sessionKey: requiredSecret(process.env, 'GATEHOUSE_SESSION_KEY'),
    emailKey: requiredSecret(process.env, 'GATEHOUSE_RESERVATION_KEY'),
  };
  const usersUrl = process.env['GATEHOUSE_USERS_URL'] ?? 'http://127.0.0.1:3001';
  const mail = readMailSettings(process.env, env.port);
  const app = await NestFactory.create(InvitesServiceModule.register(env, secrets, mail, usersUrl));
  configureHttpApp(app, 'Gatehouse invites service');
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  new Logger('invites').log(`invites service on port ${env.port}`);
}

main().catch((error: unknown) => {
  new Logger('invites').error(error instanceof Error ? error.stack : String(error));
  process.exit(1);
});
