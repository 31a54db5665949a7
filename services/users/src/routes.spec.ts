import { readDistributedEnv } from '@gatehouse/config';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { readMailSettings } from '@gatehouse/notifications-smtp';
import { UsersServiceModule } from './users-service.module';

const env = readDistributedEnv({}, 0);
const secrets = { sessionKey: 's'.repeat(32), operatorToken: 'o'.repeat(32), reservationKey: 'r'.repeat(32) };

denyByDefaultSpec('users service', () => UsersServiceModule.register(env, secrets, readMailSettings({}, 0)), [
  ...operationsOpenings,
  'GET /reset-password (public)',
  'GET /set-password (public)',
  'POST /reset-password (public)',
  'POST /set-password (public)',
  'GET /v1/dead-letters (own:OperatorGuard)',
  'POST /v1/dead-letters/:key/retry (own:OperatorGuard)',
  'POST /internal/v1/accounts/:accountId/invited-users (own:InternalCallGuard)',
  'POST /v1/accounts (own:OperatorGuard)',
  'POST /v1/password-resets (public)',
  'POST /v1/sessions (public)',
]);
