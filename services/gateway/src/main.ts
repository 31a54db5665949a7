import type { AddressInfo } from 'node:net';
import { createServiceLogger } from '@gatehouse/logging';
import { createGatewayApp, listen } from './gateway-app';
import { upstreamPool } from './upstream-pool';

const logger = createServiceLogger('gateway');

/**
 * The distributed mode's one base URL (default :3000, as the embedded runtime's). Each GATEHOUSE_*_URL
 * may list several instances of its service, comma-separated.
 */
async function main(): Promise<void> {
  const upstreams = {
    users: upstreamPool(process.env['GATEHOUSE_USERS_URL'] ?? 'http://127.0.0.1:3001'),
    roles: upstreamPool(process.env['GATEHOUSE_ROLES_URL'] ?? 'http://127.0.0.1:3004'),
    projections: upstreamPool(process.env['GATEHOUSE_PROJECTIONS_URL'] ?? 'http://127.0.0.1:3002'),
    invites: upstreamPool(process.env['GATEHOUSE_INVITES_URL'] ?? 'http://127.0.0.1:3006'),
    access: upstreamPool(process.env['GATEHOUSE_ACCESS_URL'] ?? 'http://127.0.0.1:3005'),
  };
  const port = Number(process.env['PORT'] ?? 3000);
  const server = await listen(createGatewayApp(upstreams, logger), port, process.env['HOST'] ?? '127.0.0.1');
  logger.info(
    `on port ${(server.address() as AddressInfo).port}: users ${upstreams.users.urls}, roles ${upstreams.roles.urls}, projections ${upstreams.projections.urls}, invites ${upstreams.invites.urls}, access ${upstreams.access.urls}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
    });
  }
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'failed to start');
  process.exit(1);
});
