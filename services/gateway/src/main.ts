import type { AddressInfo } from 'node:net';
import { createGatewayApp, listen } from './gateway-app';

const log = (message: string): void => console.log(`${new Date().toISOString()} gateway ${message}`);

/** The distributed mode's one base URL (default :3000, as the embedded runtime's). */
async function main(): Promise<void> {
  const upstreams = {
    users: process.env['GATEHOUSE_USERS_URL'] ?? 'http://127.0.0.1:3001',
    roles: process.env['GATEHOUSE_ROLES_URL'] ?? 'http://127.0.0.1:3004',
    projections: process.env['GATEHOUSE_PROJECTIONS_URL'] ?? 'http://127.0.0.1:3002',
    access: process.env['GATEHOUSE_ACCESS_URL'] ?? 'http://127.0.0.1:3005',
  };
  const port = Number(process.env['PORT'] ?? 3000);
  const server = await listen(createGatewayApp(upstreams), port, process.env['HOST'] ?? '127.0.0.1');
  log(
    `on port ${(server.address() as AddressInfo).port}: users ${upstreams.users}, roles ${upstreams.roles}, projections ${upstreams.projections}, access ${upstreams.access}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
