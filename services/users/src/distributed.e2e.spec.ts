import {
  accessControlScenarios,
  DistributedStack,
  gatewayScenarios,
  operationsScenarios,
  permissionMatrixScenarios,
  rolesScenarios,
  secretScanScenarios,
  streamOwnershipScenarios,
  userLifecycleScenarios,
  usersApiScenarios,
} from '@gatehouse/testing';

/**
 * The same behaviour as embedded, but each service is its own process over PostgreSQL, Kafka and Redis,
 * and every request goes through the gateway.
 */
describe('distributed mode', () => {
  let stack: DistributedStack;

  // Six processes starting at once on two shared cores: more than the 60 s a hook gets by default.
  beforeAll(async () => {
    stack = await DistributedStack.start();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  usersApiScenarios(() => stack);
  rolesScenarios(() => stack);
  userLifecycleScenarios(() => stack);
  permissionMatrixScenarios(() => stack);
  accessControlScenarios(() => stack);
  operationsScenarios(() => stack);
  gatewayScenarios(() => stack);
  secretScanScenarios(() => stack);
  streamOwnershipScenarios(() => stack);
});
