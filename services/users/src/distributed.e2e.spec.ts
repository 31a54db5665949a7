import {
  accessCheckScenarios,
  accessRefusalsScenarios,
  accessControlScenarios,
  signInSettingsScenarios,
  eventHistoryScenarios,
  basicAuthScenarios,
  DistributedStack,
  gatewayScenarios,
  inviteCrashScenarios,
  invitesListScenarios,
  invitesScenarios,
  operationsScenarios,
  pagesScenarios,
  permissionMatrixScenarios,
  sessionsScenarios,
  rolesScenarios,
  secretScanScenarios,
  tracingScenarios,
  streamOwnershipScenarios,
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

  // Seven processes starting at once on two shared cores can take longer than one test's timeout.
  beforeAll(async () => {
    stack = await DistributedStack.start();
  }, 180_000);
  afterAll(async () => {
    await stack?.stop();
  });

  usersApiScenarios(() => stack);
  rolesScenarios(() => stack);
  invitesScenarios(() => stack);
  invitesListScenarios(() => stack);
  inviteCrashScenarios(() => stack);
  userLifecycleScenarios(() => stack);
  permissionMatrixScenarios(() => stack);
  sessionsScenarios(() => stack);
  accessControlScenarios(() => stack);
  signInSettingsScenarios(() => stack);
  eventHistoryScenarios(() => stack);
  basicAuthScenarios(() => stack);
  accessCheckScenarios(() => stack);
  accessRefusalsScenarios(() => stack);
  operationsScenarios(() => stack);
  gatewayScenarios(() => stack);
  pagesScenarios(() => stack, 'distributed');
  tracingScenarios(() => stack);
  secretScanScenarios(() => stack);
  usersListScenarios(() => stack);
  usersExportScenarios(() => stack);
  readModelRebuildScenarios(() => stack);
  streamOwnershipScenarios(() => stack);
});
