import type { INestApplication } from '@nestjs/common';
import { EventStore, type TailRead } from '@gatehouse/event-store';
import { readOutbox } from '@gatehouse/notifications';
import { ApiClient, eventually, newUserBody, type OpenedAccount, openAccount } from '@gatehouse/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from './embedded-app';
import { loadEmbeddedConfig } from './embedded-config';

/**
 * A request on one user reads that user's streams in the same round trip as the caller's
 * (TargetUserReadAhead, and ToggleRoleReadAhead for a role toggle), a create the reservation of its
 * username (UsernameReadAhead), and the handler decides on that read: one catch-up of the store per request.
 */
describe('reading a target user with the caller', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-read-ahead-'));
  let app: INestApplication;
  let account: OpenedAccount;
  let userId: string;
  const batches: TailRead[][] = [];

  beforeAll(async () => {
    const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
    app = await createEmbeddedApp(config, 'warn');
    await app.listen(0, '127.0.0.1');
    const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    account = await openAccount(api, config.operatorToken);
    // With a role, the create answers once the roles reaction granted it; the email reaction is awaited by
    // its message. Neither reads the user's streams afterwards, so the reads counted below are the requests'.
    const body = newUserBody({ roles: ['developer'] });
    const created = await account.admin.post<{ userId: string }>(
      `/v1/accounts/${account.accountId}/users`,
      body,
    );
    userId = created.body.userId;
    await eventually(async () => {
      const messages = await readOutbox(join(dataDir, 'outbox'));
      if (!messages.some((message) => message.to === body['email']))
        throw new Error('the new user has no email yet');
    });
    const store = app.get(EventStore);
    const readTails = store.readTails.bind(store);
    store.readTails = (reads) => {
      batches.push([...reads]);
      return readTails(reads);
    };
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The streams each catch-up asked for while `work` ran. */
  async function readsOf(work: () => Promise<unknown>): Promise<string[][]> {
    batches.length = 0;
    await work();
    return batches.map((reads) => reads.map(({ streamId }) => streamId));
  }

  const path = () => `/v1/accounts/${account.accountId}/users/${userId}`;

  it('gets the user with one read, together with the caller', async () => {
    let status = 0;
    const reads = await readsOf(async () => ({ status } = await account.admin.get(path())));
    expect(status).toBe(200);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toEqual(
      expect.arrayContaining([`user-${userId}`, `role-assignments-${userId}`, `user-${account.adminUserId}`]),
    );
  });

  it('edits the user on that read, and the next get shows the edit', async () => {
    let status = 0;
    const reads = await readsOf(
      async () => ({ status } = await account.admin.patch(path(), { lastName: 'Lovelace-King' })),
    );
    expect(status).toBe(204);
    expect(reads).toHaveLength(1);
    expect((await account.admin.get<{ lastName: string }>(path())).body.lastName).toBe('Lovelace-King');
  });

  it("toggles a role with one read, together with the caller's streams", async () => {
    let status = 0;
    const reads = await readsOf(
      async () =>
        ({ status } = await account.admin.request('PUT', `${path()}/roles/support`, { enabled: true })),
    );
    expect(status).toBe(204);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toEqual(
      expect.arrayContaining([
        `role-catalog-${account.accountId}`,
        `user-${account.adminUserId}`,
        `user-${userId}`,
        `role-assignments-${userId}`,
        `role-admins-${account.accountId}`,
      ]),
    );
    expect((await account.admin.get<{ roles: string[] }>(path())).body.roles).toContain('support');
  });

  it("creates a user on the username's reservation read with the caller's streams", async () => {
    let status = 0;
    const reads = await readsOf(
      async () =>
        ({ status } = await account.admin.post(`/v1/accounts/${account.accountId}/users`, newUserBody())),
    );
    expect(status).toBe(201);
    // The new user's own stream is not read before its append: a reaction to the new user may read it after.
    expect(reads.filter((streams) => streams.some((id) => id.startsWith('username-')))).toEqual([
      expect.arrayContaining([expect.stringMatching(/^username-hmac-/), `user-${account.adminUserId}`]),
    ]);
  });
});
