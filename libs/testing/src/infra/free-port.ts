import { createServer } from 'node:net';

/**
 * A port nothing listens on, picked below Linux's ephemeral range (32768–60999). A port from that range
 * (listen(0)) can be taken, before the service binds it, as the local end of any outgoing connection —
 * and a stack's processes and the tests beside it open hundreds to PostgreSQL, Redis and Kafka.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await bindable(port)) return port;
  }
  throw new Error('no free port found between 20000 and 32000');
}

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
