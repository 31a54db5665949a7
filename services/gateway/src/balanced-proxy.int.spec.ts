import { createServiceLogger } from '@gatehouse/logging';
import {
  createServer,
  type IncomingHttpHeaders,
  request as httpRequest,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@gatehouse/testing';
import { createGatewayApp, listen } from './gateway-app';
import { upstreamPool } from './upstream-pool';

interface Upstream {
  readonly url: string;
  readonly server: Server;
  readonly bodies: string[];
  readonly headers: IncomingHttpHeaders[];
  close(): Promise<void>;
}

/**
 * A service instance that keeps every request body and headers it read, then answers with its name,
 * drops the connection, or answers as `answer` does.
 */
async function upstream(name: string, answer: boolean | RequestListener = true): Promise<Upstream> {
  const bodies: string[] = [];
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString());
      headers.push(request.headers);
      if (typeof answer === 'function') answer(request, response);
      else if (answer) response.end(name);
      else response.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    bodies,
    headers,
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

  describe('when an instance drops a kept-alive connection a request was sent on', () => {
    /** a answers its first request, then drops the connection of every later one without an answer. */
    const dropsAfterFirst = async () => {
      let answered = 0;
      return upstream('a', (_request, response) => {
        if (answered++ === 0) response.end('a');
        else response.socket?.destroy();
      });
    };
    const send = async (base: string, method: string) => {
      const response = await fetch(`${base}/v1/accounts`, {
        method,
        body: method === 'GET' ? undefined : 'x',
      });
      return `${response.status} ${await response.text()}`;
    };

    it.each(['GET', 'PUT', 'DELETE'])(
      're-sends an idempotent %s once, to the next instance',
      async (method) => {
        const [a, b] = [await dropsAfterFirst(), await upstream('b')];
        opened.push(a, b);
        const base = await gateway(`${a.url},${b.url}`);
        const answers = [await send(base, method), await send(base, method), await send(base, method)];
        expect(answers).toEqual(['200 a', '200 b', '200 b']);
        expect([a.bodies.length, b.bodies.length]).toEqual([2, 2]);
      },
    );

    it('answers a POST 502: the instance may have acted on it', async () => {
      const [a, b] = [await dropsAfterFirst(), await upstream('b')];
      opened.push(a, b);
      const base = await gateway(`${a.url},${b.url}`);
      const answers = [await send(base, 'POST'), await send(base, 'POST'), await send(base, 'POST')];
      expect(answers.map((answer) => answer.slice(0, 3))).toEqual(['200', '200', '502']);
      expect([a.bodies.length, b.bodies.length]).toEqual([2, 1]);
    });
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

  it("passes the socket peer as X-Forwarded-For, never the client's, and the request's trace", async () => {
    const a = await upstream('a');
    opened.push(a);
    const base = await gateway(a.url);
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const kept = await fetch(`${base}/v1/accounts`, {
      headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'req-1', traceparent },
    });
    const made = await fetch(`${base}/v1/accounts`, { headers: { 'x-request-id': 'no spaces' } });
    await Promise.all([kept.text(), made.text()]);
    expect(kept.headers.get('x-request-id')).toBe('req-1');
    expect(a.headers[0]).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-request-id': 'req-1',
      traceparent,
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers[1]).toMatchObject({
      'x-request-id': made.headers.get('x-request-id'),
      traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/),
    });
  });

  it('answers 404 to service-to-service paths, whatever their case, sending nothing on', async () => {
    const a = await upstream('a');
    opened.push(a);
    const base = await gateway(a.url);
    for (const path of ['/internal', '/internal/v1/accounts/a1/invited-users', '/INTERNAL/v1/x']) {
      const response = await fetch(`${base}${path}`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await response.json()).toEqual({ type: 'about:blank', title: 'Not Found', status: 404 });
    }
    expect(a.bodies).toEqual([]);
  });

  it('streams an answer to the client as the instance writes it', async () => {
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const a = await upstream('a', (_request, response) => {
      response.write('first,');
      void released.then(() => response.end('last'));
    });
    opened.push(a);
    const reader = (await fetch(`${await gateway(a.url)}/v1/accounts`)).body?.getReader();
    if (!reader) throw new Error('the answer has no body');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first,');
    release();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('last');
  });

  it("cuts the client's answer short when the instance's answer is cut short", async () => {
    const a = await upstream('a', (_request, response) => {
      response.writeHead(200, { 'content-length': '100' });
      response.write('first,', () => response.socket?.destroy());
    });
    opened.push(a);
    const answer = await fetch(`${await gateway(a.url)}/v1/accounts`);
    await expect(answer.text()).rejects.toThrow();
  });

  it('lets go of the instance when the client leaves before the answer ends', async () => {
    let upstreamClosed = () => undefined as void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const a = await upstream('a', (_request, response) => {
      response.socket?.once('close', upstreamClosed);
      response.write('first,');
    });
    opened.push(a);
    const client = new AbortController();
    const reader = (
      await fetch(`${await gateway(a.url)}/v1/accounts`, { signal: client.signal })
    ).body?.getReader();
    if (!reader) throw new Error('the answer has no body');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('first,');
    client.abort();
    // Well before the gateway's 30 s upstream timeout, which would close it anyway.
    const waited = new Promise<string>((resolve) => setTimeout(resolve, 10_000, 'still open').unref());
    expect(await Promise.race([closed.then(() => 'closed'), waited])).toBe('closed');
  });

  it('lets go of the instance when the client leaves before the instance answered', async () => {
    let upstreamClosed = () => undefined as void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    let received = () => undefined as void;
    const reached = new Promise<void>((resolve) => (received = resolve));
    const a = await upstream('a', (_request, response) => {
      response.socket?.once('close', upstreamClosed);
      received();
    });
    opened.push(a);
    const client = new AbortController();
    const answer = fetch(`${await gateway(a.url)}/v1/accounts`, { signal: client.signal });
    await reached;
    client.abort();
    await expect(answer).rejects.toThrow();
    const waited = new Promise<string>((resolve) => setTimeout(resolve, 10_000, 'still open').unref());
    expect(await Promise.race([closed.then(() => 'closed'), waited])).toBe('closed');
  });

  it('reads no more of an answer than a client that stopped reading takes', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let written = 0;
    let stalled = () => undefined as void;
    const stopped = new Promise<void>((resolve) => (stalled = resolve));
    const a = await upstream('a', (_request, response) => {
      const more = (): void => {
        while (written < 200 * 1024 * 1024) {
          written += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', more);
        }
        response.end();
      };
      more();
      setTimeout(stalled, 1000);
    });
    opened.push(a);
    const reader = (await fetch(`${await gateway(a.url)}/v1/accounts`)).body?.getReader();
    if (!reader) throw new Error('the answer has no body');
    await reader.read();
    await stopped;
    // Socket buffers on both sides hold a few MiB; an answer read through regardless would be 200 MiB.
    expect(written).toBeLessThan(32 * 1024 * 1024);
    await reader.cancel();
  });

  it('sends on a request that expects 100-continue, body and all', async () => {
    const a = await upstream('a');
    opened.push(a);
    const base = new URL(await gateway(a.url));
    const answer = await new Promise<string>((resolve, reject) => {
      const sent = httpRequest(
        { host: base.hostname, port: base.port, path: '/v1/sessions', method: 'POST' },
        (response) => {
          let text = '';
          response.on('data', (part: Buffer) => (text += part.toString()));
          response.on('end', () => resolve(`${response.statusCode} ${text}`));
        },
      );
      sent.setHeader('expect', '100-continue');
      sent.setHeader('content-length', 4);
      sent.once('continue', () => sent.end('body'));
      sent.once('error', reject);
      sent.flushHeaders();
    });
    expect(answer).toBe('200 a');
    expect(a.bodies).toEqual(['body']);
  });

  it("closes an idle upstream connection before the instance's keep-alive timeout would", async () => {
    const a = await upstream('a');
    opened.push(a);
    // Keep-Alive: timeout=3 — the gateway should let go after 2 s, before the instance closes at 3 s.
    a.server.keepAliveTimeout = 3000;
    const closedByGateway = new Promise<boolean>((resolve) =>
      a.server.once('connection', (socket) => {
        socket.once('end', () => resolve(true));
        socket.once('close', () => resolve(false));
      }),
    );
    expect((await post(await gateway(a.url), 'x')).text).toBe('a');
    expect(await closedByGateway).toBe(true);
  });
});
