import { readDistributedEnv } from '@gatehouse/config';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { AccessControlServiceModule } from './access-control-service.module';

const env = readDistributedEnv({}, 0);
const secrets = {
  sessionKey: 's'.repeat(32),
  operatorToken: 'o'.repeat(32),
  reservationKey: 'r'.repeat(32),
  serviceToken: 't'.repeat(32),
};

denyByDefaultSpec('access-control service', () => AccessControlServiceModule.register(env, secrets), [
  ...operationsOpenings,
  'GET /v1/access/check/nginx (own:PlatformServiceGuard)',
  'POST /v1/access/check (own:PlatformServiceGuard)',
]);
