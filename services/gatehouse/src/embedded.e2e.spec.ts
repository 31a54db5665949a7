import type { INestApplication } from '@nestjs/common';
import {
  accessControlScenarios,
  ApiClient,
  eventually,
  newUserBody,
  openAccount,
  operationsScenarios,
  permissionMatrixScenarios,
  rolesScenarios,
  type RunningStack,
  userLifecycleScenarios,
  usersApiScenarios,
} from '@gatehouse/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';

async function start(dataDir: string): Promise<{ app: INestApplication; stack: RunningStack }> {
  const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
  const app = await createEmbeddedApp(config, ['error', 'warn']);
  await app.listen(0, '127.0.0.1');
  const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
  return { app, stack: { users: api, projections: api, operatorToken: config.operatorToken } };
}

describe('embedded mode', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-e2e-'));
  let running: { app: INestApplication; stack: RunningStack };

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
  permissionMatrixScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  accessControlScenarios(() => ({ ...running.stack, outboxDir: join(dataDir, 'outbox') }));
  operationsScenarios(() => running.stack);

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
