import 'reflect-metadata';
import { readDistributedEnv } from '@gatehouse/config';
import { configureHttpApp, createHttpApp } from '@gatehouse/http';
import { acceptInvitePageForms } from '@gatehouse/invites-api';
import { readIdentitySecrets } from '@gatehouse/identity';
import { createServiceLogger, useStructuredLogging } from '@gatehouse/logging';
import { readMailSettings } from '@gatehouse/notifications-smtp';
import { recordHttpMetrics } from '@gatehouse/operations';
import { InvitesServiceModule } from './invites-service.module';

async function main(): Promise<void> {
  const env = readDistributedEnv(process.env, 3006);
  const secrets = readIdentitySecrets(process.env);
  // The first users instance: the internal create is not balanced yet (docs/adr on accepting invites).
  const [usersUrl] = (process.env['GATEHOUSE_USERS_URL'] ?? 'http://127.0.0.1:3001').split(',');
  const mail = readMailSettings(process.env, env.port);
  const app = await createHttpApp(InvitesServiceModule.register(env, secrets, mail, usersUrl), {
    trustedProxies: env.trustedProxies,
  });
  const logger = useStructuredLogging(app, 'invites');
  configureHttpApp(app, 'Gatehouse invites service', { bodyLimits: acceptInvitePageForms });
  recordHttpMetrics(app);
  await app.listen(env.port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(`invites service on port ${env.port}`);
}

main().catch((error: unknown) => {
  createServiceLogger('invites').fatal({ err: error }, 'failed to start');
  process.exit(1);
});
