import { readDistributedEnv } from '@gatehouse/config';
import { denyByDefaultSpec, operationsOpenings } from '@gatehouse/testing';
import { RolesServiceModule } from './roles-service.module';

const env = readDistributedEnv({}, 0);
const secrets = { sessionKey: 's'.repeat(32), operatorToken: 'o'.repeat(32), reservationKey: 'r'.repeat(32) };

denyByDefaultSpec('roles service', () => RolesServiceModule.register(env, secrets), [...operationsOpenings]);
