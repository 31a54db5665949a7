import { type ApiClient, eventually } from './api-client';
import { newUserBody, openAccount } from './scenario';
import { Client, escapeIdentifier } from 'pg';
import type { DistributedStack } from '../infra/distributed-stack';
import { testEnv } from '../infra/env';
import type { RunningStack } from './users-api.scenarios';

/** A sample's value in Prometheus text, summed over the series that carry every given label. */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

const scrape = async (api: ApiClient): Promise<string> => {
  const response = await api.get<string>('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.body;
};

/** Processes past any gateway, and the relay where it is a process of its own. */
type OperatedStack = RunningStack & {
  readonly direct?: {
    readonly users: ApiClient;
    readonly roles: ApiClient;
    readonly 'access-control': ApiClient;
    readonly projections: ApiClient;
  };
  readonly relay?: ApiClient;
};

/** /health, /ready and /metrics of every process of a runtime. */
export function operationsScenarios(stack: () => OperatedStack): void {
  describe('operations', () => {
    it('answers health and readiness, publicly', async () => {
      const { direct, relay } = stack();
      const processes = direct
        ? [direct.users, direct.roles, direct['access-control'], direct.projections]
        : [stack().users];
      for (const api of [...processes, ...(relay ? [relay] : [])]) {
        expect((await api.get('/health')).body).toEqual({ status: 'ok' });
        const ready = await api.get<{ ready: boolean; checks: Record<string, { ok: boolean }> }>('/ready');
        expect(ready.status).toBe(200);
        expect(ready.body.ready).toBe(true);
        expect(ready.body.checks['store']).toEqual({ ok: true });
      }
    });

    it('counts requests by route, commands by outcome, appends, emails, projection and relay work', async () => {
      const { users, projections } = stack().direct ?? stack();
      const relay = stack().relay;
      const before = { users: await scrape(users), projections: await scrape(projections) };
      const relayBefore = relay ? await scrape(relay) : '';
      const account = await openAccount(stack().users, stack().operatorToken);
      const path = `/v1/accounts/${account.accountId}/users`;
      const created = await account.admin.post<{ userId: string }>(path, newUserBody());
      await account.admin.post(path, newUserBody({ language: 'xx' }));
      const moved = await account.admin.request(
        'PUT',
        `${path}/${created.body.userId}/contact-info`,
        { email: `moved.${created.body.userId}@example.com`, mobile: '+447700900123' },
        { 'if-match': '"0"' },
      );
      expect(moved.status).toBe(204);
      const after = await scrape(users);
      const route = { method: 'POST', route: '/v1/accounts/:accountId/users', status: '201' };
      const count = 'gatehouse_http_request_duration_seconds_count';
      expect(sample(after, count, route) - sample(before.users, count, route)).toBe(1);
      expect(after).not.toContain(created.body.userId);
      const commands = (text: string, outcome: string) =>
        sample(text, 'gatehouse_commands_total', { outcome });
      expect(commands(after, 'ok') - commands(before.users, 'ok')).toBeGreaterThanOrEqual(3);
      expect(commands(after, 'refused') - commands(before.users, 'refused')).toBeGreaterThanOrEqual(1);
      const appended = 'gatehouse_events_appended_total';
      expect(sample(after, appended) - sample(before.users, appended)).toBeGreaterThanOrEqual(5);
      const sent = (text: string) => sample(text, 'gatehouse_notifications_total', { outcome: 'sent' });
      // Emails go out from a reaction to the stored events, shortly after the request: the created user's
      // first-password link, then the notices to the old and the new address.
      await eventually(async () => expect(sent(await scrape(users)) - sent(before.users)).toBe(3));
      await eventually(async () => {
        const lag = 'gatehouse_projection_lag_seconds_count';
        expect(
          sample(await scrape(projections), lag) - sample(before.projections, lag),
        ).toBeGreaterThanOrEqual(5);
      });
      if (relay) {
        await eventually(async () => {
          const published = 'gatehouse_relay_events_published_total';
          expect(
            sample(await scrape(relay), published) - sample(relayBefore, published),
          ).toBeGreaterThanOrEqual(5);
        });
      }
    });
  });
}

/** The gateway as the one base URL: health, readiness of what is behind it, request ids. */
export function gatewayScenarios(stack: () => DistributedStack): void {
  describe('the gateway', () => {
    it('answers health, and readiness of the services behind it', async () => {
      expect((await stack().users.get('/health')).body).toEqual({ status: 'ok' });
      expect((await stack().users.get('/ready')).body).toEqual({
        ready: true,
        checks: {
          users: { ok: true },
          roles: { ok: true },
          projections: { ok: true },
          invites: { ok: true },
          access: { ok: true },
        },
      });
    });

    it('keeps a well-formed request id, makes one otherwise, and echoes it', async () => {
      const given = await stack().users.post('/v1/sessions', {}, { 'x-request-id': 'req-42.a_b' });
      expect(given.headers.get('x-request-id')).toBe('req-42.a_b');
      const made = await stack().users.post('/v1/sessions', {}, { 'x-request-id': 'no spaces allowed' });
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('carries the request id into every event the request appends (and its grant), as its correlation id, with no username in any stream id', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      const requestId = `req-${account.accountId}`;
      const body = newUserBody({ roles: ['support'] });
      const created = await account.admin.post(`/v1/accounts/${account.accountId}/users`, body, {
        'x-request-id': requestId,
      });
      expect(created.status).toBe(201);
      const pg = new Client({ connectionString: testEnv.pgUrl });
      await pg.connect();
      const { rows } = await pg.query<{ stream_id: string }>(
        `SELECT stream_id FROM ${escapeIdentifier(stack().name)}.gh_events WHERE correlation_id = $1`,
        [requestId],
      );
      await pg.end();
      expect(rows.map((row) => row.stream_id)).toEqual(
        expect.arrayContaining(
          [/^user-/, /^username-hmac-[0-9a-f]{64}$/, /^role-assignments-/].map((pattern) =>
            expect.stringMatching(pattern),
          ),
        ),
      );
      expect(rows.filter((row) => row.stream_id.includes(String(body['username']).toLowerCase()))).toEqual(
        [],
      );
    });

    it('routes the users list to the projections and everything else to the users service', async () => {
      const account = await openAccount(stack().users, stack().operatorToken);
      const path = `/v1/accounts/${account.accountId}/users`;
      const created = await account.admin.post<{ userId: string }>(path, newUserBody());
      expect(created.status).toBe(201);
      expect((await account.admin.get(`${path}/${created.body.userId}`)).status).toBe(200);
      await eventually(async () => {
        const listed = await account.admin.get<{ items: { id: string }[] }>(path);
        expect(listed.body.items.map((item) => item.id)).toContain(created.body.userId);
      });
    });
  });
}
