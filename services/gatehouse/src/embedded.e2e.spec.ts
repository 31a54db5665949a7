import type { INestApplication } from '@nestjs/common';
import {
  accessCheckScenarios,
  accessControlScenarios,
  signInSettingsScenarios,
  eventHistoryScenarios,
  accessRefusalCountScenarios,
  accessRefusalsScenarios,
  basicAuthScenarios,
  ApiClient,
  eventually,
  malformedInputScenarios,
  invitesListScenarios,
  invitesScenarios,
  newUserBody,
  openAccount,
  operationsScenarios,
  pagesScenarios,
  permissionMatrixScenarios,
  rolesScenarios,
  type RunningStack,
  userLifecycleScenarios,
  usersApiScenarios,
  usersExportScenarios,
  readModelRebuildScenarios,
  routeTable,
  MovableClock,
  sessionExpiryScenarios,
  sessionsScenarios,
  usersListScenarios,
} from '@gatehouse/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';
import { EmbeddedModule } from './embedded.module';

/** The scenarios all log in from 127.0.0.1: only the throttling test keeps the default-sized limits. */
const unthrottled = {
  GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS: '1000000',
  GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '1000000',
};

async function start(
  dataDir: string,
  env: NodeJS.ProcessEnv = unthrottled,
  clock?: MovableClock,
): Promise<{ app: INestApplication; stack: RunningStack & { serviceToken: string } }> {
  const config = { ...loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0', ...env }), clock };
  const app = await createEmbeddedApp(config, 'warn');
  await app.listen(0, '127.0.0.1');
  const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  const { operatorToken, serviceToken } = config;
  return { app, stack: { users: api, projections: api, operatorToken, serviceToken } };
}

describe('embedded mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-'));
  let running: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    running = await start(dataDir);
  });
  afterAll(async () => {
    await running.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  usersApiScenarios(() => running.stack);
  rolesScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  userLifecycleScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  permissionMatrixScenarios(
    () => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }),
    // The matrix must name every route the runtime registers, so a new one cannot be left out.
    () => routeTable(EmbeddedModule.register(loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir }))),
  );
  invitesScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  invitesListScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  accessControlScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  signInSettingsScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  eventHistoryScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  basicAuthScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  accessCheckScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  accessRefusalsScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  operationsScenarios(() => running.stack);
  usersListScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  usersExportScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  readModelRebuildScenarios(() => running.stack);
  malformedInputScenarios(() => running.stack);
  pagesScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }), 'embedded');
  sessionsScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));

  describe('when time passes', () => {
    const clockDir = mkdtempSync(join(tmpdir(), 'gatehouse-clock-'));
    const clock = new MovableClock();
    let moved: { app: INestApplication; stack: RunningStack & { serviceToken: string } };
    beforeAll(async () => {
      moved = await start(clockDir, unthrottled, clock);
    });
    afterAll(async () => {
      await moved.app.close();
      rmSync(clockDir, { recursive: true, force: true });
    });

    sessionExpiryScenarios(
      () => moved.stack,
      () => clock,
    );
    accessRefusalCountScenarios(
      () => ({ ...moved.stack, outboxDir: join(clockDir, 'outbox') }),
      () => clock,
    );
  });

  describe('when logins keep failing', () => {
    const throttledDir = mkdtempSync(join(tmpdir(), 'gatehouse-throttle-'));
    let throttled: { app: INestApplication; stack: RunningStack };
    beforeAll(async () => {
      const limits = {
        GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS: '6',
        GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '3',
      };
      throttled = await start(throttledDir, limits);
    });
    afterAll(async () => {
      await throttled.app.close();
      rmSync(throttledDir, { recursive: true, force: true });
    });

    it('slows one username, then a credential-stuffing address, with 429 and Retry-After, locking nobody', async () => {
      const { users, operatorToken } = throttled.stack;
      const account = await openAccount(users, operatorToken);
      const attempt = (username: string) =>
        users.post<{ code: string }>('/v1/sessions', { username, password: 'Wrong-password-1!' });
      for (let n = 0; n < 3; n++) expect((await attempt('ghost.user')).status).toBe(401);
      const slowed = await attempt('ghost.user');
      expect(slowed.status).toBe(429);
      expect(slowed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(slowed.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
      for (let n = 0; n < 3; n++) expect((await attempt(`stuffed.${n}`)).status).toBe(401);
      const stopped = await attempt('stuffed.next');
      expect(stopped.status).toBe(429);
      const metrics = await users.get<string>('/metrics');
      expect(metrics.body).toMatch(/gatehouse_logins_throttled_total\{[^}]*by="address"[^}]*\} [1-9]/);
      expect(metrics.body).toMatch(/gatehouse_logins_throttled_total\{[^}]*by="username"[^}]*\} [1-9]/);
      const admin = await account.admin.get<{ status: string }>(
        `/v1/accounts/${account.accountId}/users/${account.adminUserId}`,
      );
      expect(admin.body.status).toBe('active');
    });
  });

  describe('when the process restarts', () => {
    it('keeps users, sessions and the rebuilt list', async () => {
      const account = await openAccount(running.stack.users, running.stack.operatorToken);
      const created = await account.admin.post<{ userId: string }>(
        `/v1/accounts/${account.accountId}/users`,
        newUserBody(),
      );
      expect(created.status).toBe(201);
      await running.app.close();
      running = await start(dataDir);
      const admin = running.stack.users.as(account.adminToken);
      const fetched = await admin.get(`/v1/accounts/${account.accountId}/users/${created.body.userId}`);
      expect(fetched.status).toBe(200);
      const listed = await eventually(async () => {
        const page = await admin.get<{ items: { id: string }[] }>(`/v1/accounts/${account.accountId}/users`);
        if (page.body.items.length < 2) throw new Error('list not rebuilt yet');
        return page.body.items.map((item) => item.id);
      });
      expect(listed).toEqual([account.adminUserId, created.body.userId]);
    });
  });
});
