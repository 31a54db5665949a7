import {
  DistributedStack,
  gatewayScenarios,
  operationsScenarios,
  permissionMatrixScenarios,
  rolesScenarios,
  secretScanScenarios,
  tracingScenarios,
  userLifecycleScenarios,
  usersApiScenarios,
  usersExportScenarios,
  readModelRebuildScenarios,
  usersListScenarios,
} from '@gatehouse/testing';

/**
 * The same behaviour as embedded, but each service is its own process over PostgreSQL, Kafka and Redis,
 * and every request goes through the gateway.
 */
describe('distributed mode', () => {
  let stack: DistributedStack;

  beforeAll(async () => {
    stack = await DistributedStack.start();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  usersApiScenarios(() => stack);
  rolesScenarios(() => stack);
  userLifecycleScenarios(() => stack);
  permissionMatrixScenarios(() => stack);
  operationsScenarios(() => stack);
  gatewayScenarios(() => stack);
  tracingScenarios(() => stack);
  secretScanScenarios(() => stack);
  usersListScenarios(() => stack);
  usersExportScenarios(() => stack);
  readModelRebuildScenarios(() => stack);
});
