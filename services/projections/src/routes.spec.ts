import { readDistributedEnv } from '@gatehouse/config';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { ProjectionsServiceModule } from './projections-service.module';

const env = readDistributedEnv({}, 0);
const secrets = { sessionKey: 's'.repeat(32), operatorToken: 'o'.repeat(32), reservationKey: 'r'.repeat(32) };

denyByDefaultSpec('projections service', () => ProjectionsServiceModule.register(env, secrets), [
  ...operationsOpenings,
  'POST /v1/read-models/rebuild (own:PlatformOperator)',
]);
