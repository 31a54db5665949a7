import { createServer } from 'node:net';

const LOWEST = 20_000;
/** Below Linux's ephemeral range (32768–60999), one slice per Jest worker (a ninth shares the first's). */
const SLICES = 8;
const SLICE = 1_500;

/**
 * Ports this process handed out. A stack draws every port before any of its services binds one, so a port
 * that is free now may be one drawn a moment ago; and a killed instance's port is free again while the
 * gateway still sends to it. Either way a second service there would answer for the first.
 */
const handedOut = new Set<number>();

/**
 * A port nothing listens on and nothing in this process was given, picked below Linux's ephemeral range:
 * a port from that range (listen(0)) can be taken, before the service binds it, as the local end of any
 * outgoing connection — and a stack's processes and the tests beside it open hundreds to PostgreSQL,
 * Redis and Kafka. Each Jest worker draws from a slice of its own, so test files running at once never
 * share a port either.
 */
export async function freePort(): Promise<number> {
  const worker = Number(process.env['JEST_WORKER_ID'] ?? 1);
  const lowest = LOWEST + ((worker - 1) % SLICES) * SLICE;
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = lowest + Math.floor(Math.random() * SLICE);
    if (handedOut.has(port) || !(await bindable(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`no free port found between ${lowest} and ${lowest + SLICE - 1}`);
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
