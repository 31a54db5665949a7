import { readDistributedEnv } from '@gatehouse/config';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { readMailSettings } from '@gatehouse/notifications-smtp';
import { InvitesServiceModule } from './invites-service.module';

const env = readDistributedEnv({}, 0);
const secrets = { sessionKey: 's'.repeat(32), operatorToken: 'o'.repeat(32), reservationKey: 'r'.repeat(32) };

denyByDefaultSpec(
  'invites service',
  () => InvitesServiceModule.register(env, secrets, readMailSettings({}, 0), 'http://127.0.0.1:1'),
  [
    ...operationsOpenings,
    'POST /v1/invite-acceptances (public)',
    'GET /accept-invite (public)',
    'POST /accept-invite (public)',
  ],
);
