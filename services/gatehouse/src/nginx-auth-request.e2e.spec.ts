import type { INestApplication } from '@nestjs/common';
import { ADMIN_PASSWORD, ApiClient, eventually, freePort, openAccount } from '@gatehouse/testing';
import { type ChildProcess, execFile, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';

const nginxBinary = (() => {
  try {
    return execSync('command -v nginx', { shell: '/bin/sh', encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
})();
if (!nginxBinary) {
  console.warn(
    'nginx is not installed (apt-get install nginx-light): the nginx auth_request test is skipped',
  );
}

/** The documented snippet itself, so the docs cannot drift from what works. */
function documentedSnippet(): string {
  const doc = readFileSync(join(__dirname, '../../../docs/nginx-auth-request.md'), 'utf8');
  const match = /```nginx\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error('no nginx snippet in docs/nginx-auth-request.md');
  return match[1];
}

/**
 * A real nginx in front of a protected service, asking embedded Gatehouse's check with `auth_request`
 * as docs/nginx-auth-request.md says, and curl's `-u` as the client.
 */
describe('nginx auth_request against the access check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-nginx-'));
  const serviceToken = 'service-token-of-the-nginx-test-0123456789';
  let app: INestApplication;
  let api: ApiClient;
  let upstream: Server;
  let nginx: ChildProcess | undefined;
  let nginxUrl: string;
  let operatorToken: string;

  beforeAll(async () => {
    const config = loadEmbeddedConfig({
      GATEHOUSE_DATA_DIR: join(dir, 'data'),
      GATEHOUSE_SERVICE_TOKEN: serviceToken,
      PORT: '0',
    });
    operatorToken = config.operatorToken;
    app = await createEmbeddedApp(config, 'warn');
    await app.listen(0, '127.0.0.1');
    api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    upstream = createServer((request, response) => {
      const { authorization, ...seen } = request.headers;
      response.end(
        JSON.stringify({ user: seen['x-gatehouse-user-id'], authorization: authorization ?? null }),
      );
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    if (!nginxBinary) return;
    const port = await freePort();
    nginxUrl = `http://127.0.0.1:${port}`;
    const snippet = documentedSnippet()
      .replace('GATEHOUSE_URL', api.baseUrl)
      .replace('SERVICE_TOKEN', serviceToken)
      .replace('UPSTREAM_URL', `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((kind, n) => `${kind}_temp_path ${join(dir, ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'][n])};`)
      .join('\n');
    writeFileSync(
      join(dir, 'nginx.conf'),
      `daemon off; worker_processes 1; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')};
events {}
http { access_log off; ${temps}
  server { listen 127.0.0.1:${port}; ${snippet} } }`,
    );
    nginx = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
      stdio: 'ignore',
    });
    await eventually(async () => void (await fetch(nginxUrl).then((response) => response.text())), 20_000);
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    upstream?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const curl = async (...args: string[]): Promise<{ status: number; headers: string; body: string }> => {
    const { stdout } = await promisify(execFile)('curl', ['-s', '-i', ...args, `${nginxUrl}/protected`]);
    const [head, body] = stdout.split(/\r\n\r\n/);
    return { status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1]), headers: head, body };
  };

  (nginxBinary ? it : it.skip)(
    "lets a user's basic credentials through only while Gatehouse allows them, and never passes them on",
    async () => {
      const opened = await openAccount(api, operatorToken);
      const admin = await opened.admin.get<{ username: string }>(
        `/v1/accounts/${opened.accountId}/users/${opened.adminUserId}`,
      );
      const username = admin.body.username;
      const apiAccess = `/v1/accounts/${opened.accountId}/users/${opened.adminUserId}/access-controls/api-access`;

      const off = await curl('-u', `${username}:${ADMIN_PASSWORD}`);
      expect(off.status).toBe(401);
      expect(off.headers).toMatch(/WWW-Authenticate: Basic realm="gatehouse"/i);
      expect((await opened.admin.request('PUT', apiAccess, { http: true })).status).toBe(200);
      const allowed = await curl('-u', `${username}:${ADMIN_PASSWORD}`);
      expect({ status: allowed.status, body: JSON.parse(allowed.body) }).toEqual({
        status: 200,
        body: { user: opened.adminUserId, authorization: null },
      });
      expect((await curl('-u', `${username}:Wrong-password-1!`)).status).toBe(401);
      expect((await curl()).status).toBe(401);
      expect((await opened.admin.request('PUT', apiAccess, { http: false })).status).toBe(200);
      expect((await curl('-u', `${username}:${ADMIN_PASSWORD}`)).status).toBe(401);
    },
    60_000,
  );
});
