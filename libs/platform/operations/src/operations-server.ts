import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Metrics } from './metrics';
import { type ReadinessCheck, runReadiness } from './readiness';

/**
 * /health, /ready and /metrics for a process without an HTTP API of its own (the relay), on plain
 * node:http: the same answers OperationsController gives the Nest services.
 */
export async function startOperationsServer(
  metrics: Metrics,
  checks: readonly ReadinessCheck[],
  port: number,
  host = '127.0.0.1',
): Promise<Server> {
  const server = createServer((request, response) => {
    const send = (status: number, contentType: string, body: string) => {
      response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
      response.end(body);
    };
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET') return send(405, 'text/plain', 'GET only\n');
    if (path === '/health') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
    if (path === '/ready') {
      void runReadiness(checks).then((report) =>
        send(report.ready ? 200 : 503, 'application/json', JSON.stringify(report)),
      );
      return;
    }
    if (path === '/metrics') {
      void metrics.exposition().then(({ contentType, body }) => send(200, contentType, body));
      return;
    }
    send(404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}

export const portOf = (server: Server): number => (server.address() as AddressInfo).port;
