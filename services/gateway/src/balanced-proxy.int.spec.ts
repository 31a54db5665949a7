import { createServiceLogger } from '@gatehouse/logging';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@gatehouse/testing';
import { createGatewayApp, listen } from './gateway-app';
import { upstreamPool } from './upstream-pool';

interface Upstream {
  readonly url: string;
  readonly bodies: string[];
  close(): Promise<void>;
}

/** A service instance that answers with its name and keeps every request body it read. */
async function upstream(name: string, answer = true): Promise<Upstream> {
  const bodies: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      if (answer) response.end(name);
      else response.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    close: () => close(server),
  };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('the gateway in front of several instances of a service', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((item) => item.close()));
  });

  async function gateway(users: string): Promise<string> {
    const projections = upstreamPool('http://127.0.0.1:9');
    const server = await listen(
      createGatewayApp(
        {
          users: upstreamPool(users),
          roles: projections,
          projections,
          invites: projections,
          access: projections,
        },
        createServiceLogger('gateway', { level: 'silent' }),
      ),
      0,
      '127.0.0.1',
    );
    opened.push({ close: () => close(server) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function post(base: string, body: string): Promise<{ status: number; text: string }> {
    const response = await fetch(`${base}/v1/sessions`, { method: 'POST', body });
    return { status: response.status, text: await response.text() };
  }

  it('sends requests to each instance in turn', async () => {
    const [a, b] = [await upstream('a'), await upstream('b')];
    opened.push(a, b);
    const base = await gateway(`${a.url},${b.url}`);
    const answers = [];
    for (let n = 0; n < 4; n++) answers.push((await post(base, `${n}`)).text);
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
    expect([a.bodies, b.bodies]).toEqual([
      ['0', '2'],
      ['1', '3'],
    ]);
  });

  it('re-sends a request whose connection was refused to the next instance, body and all', async () => {
    const b = await upstream('b');
    opened.push(b);
    const base = await gateway(`http://127.0.0.1:${await freePort()},${b.url}`);
    const body = JSON.stringify({ text: 'x'.repeat(200_000) });
    for (let n = 0; n < 3; n++) expect(await post(base, body)).toEqual({ status: 200, text: 'b' });
    expect(b.bodies).toEqual([body, body, body]);
  });

  it('answers 502 without re-sending when an instance dropped a request it had received', async () => {
    const [a, b] = [await upstream('a', false), await upstream('b')];
    opened.push(a, b);
    const base = await gateway(`${a.url},${b.url}`);
    const response = await post(base, 'once');
    expect(response.status).toBe(502);
    expect(JSON.parse(response.text)).toMatchObject({ status: 502, code: 'BAD_GATEWAY' });
    expect([a.bodies, b.bodies]).toEqual([['once'], []]);
  });

  it('answers 502 when no instance accepts the connection', async () => {
    const base = await gateway(`http://127.0.0.1:${await freePort()},http://127.0.0.1:${await freePort()}`);
    expect((await post(base, '{}')).status).toBe(502);
  });

  it('refuses a body over 1 MiB with 413, sending nothing on', async () => {
    const a = await upstream('a');
    opened.push(a);
    const base = await gateway(a.url);
    const response = await post(base, 'x'.repeat(1024 * 1024 + 1));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.text)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(a.bodies).toEqual([]);
  });
});
