import { readDeliveryPolicy, readOutbox } from '@gatehouse/notifications';
import { ApiClient, newUserBody, openAccount } from '@gatehouse/testing';
import { readLoginLimits, readPasswordHashing } from '@gatehouse/identity';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from '../services/gatehouse/src/embedded-app';
import { heading, latencyHistogram, latencyRow, percentileMs, recordMs, type SectionResult } from './report';

const CONCURRENCY = 4;
const ACCEPTS = 40;

/**
 * Invites beside users, in one embedded app (SQLite, file outbox): users and invites created per second
 * over the same time at the same concurrency, then the accept latency (token check, the user's creation
 * with its password hash, the acceptance) over links read from the outbox. Reported, no target.
 */
export async function invitesSection(): Promise<SectionResult> {
  heading('Invites beside users (embedded): created/s and accept latency');
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-invites-'));
  const operatorToken = randomBytes(24).toString('base64url');
  const app = await createEmbeddedApp(
    {
      dataDir,
      port: 0,
      sessionKey: randomBytes(32).toString('base64url'),
      operatorToken,
      serviceToken: operatorToken,
      reservationKey: randomBytes(32).toString('base64url'),
      passwordHashing: readPasswordHashing(process.env),
      loginLimits: readLoginLimits({}),
      operatorTokenFile: join(dataDir, 'operator.token'),
      outboxDir: join(dataDir, 'outbox'),
      smtp: null,
      publicUrl: 'http://127.0.0.1',
      delivery: readDeliveryPolicy({}),
    },
    'warn',
  );
  try {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const account = await openAccount(api, operatorToken);
    const base = `/v1/accounts/${account.accountId}`;
    const rate = async (make: () => Promise<number>): Promise<number> => {
      const end = Date.now() + seconds * 1000;
      let done = 0;
      const worker = async () => {
        while (Date.now() < end) {
          if ((await make()) !== 201) throw new Error('a create failed');
          done += 1;
        }
      };
      const start = Date.now();
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      return done / ((Date.now() - start) / 1000);
    };
    const users = await rate(async () => (await account.admin.post(`${base}/users`, newUserBody())).status);
    const invitees: string[] = [];
    const invites = await rate(async () => {
      const email = String(newUserBody()['email']);
      invitees.push(email);
      const body = { email, language: 'en', timeZone: 'UTC', roles: ['developer'] };
      return (await account.admin.post(`${base}/invites`, body)).status;
    });
    const wanted = new Set(invitees.slice(0, ACCEPTS));
    let links: string[] = [];
    for (let tries = 0; links.length < wanted.size && tries < 600; tries += 1) {
      const outbox = await readOutbox(join(dataDir, 'outbox'));
      links = outbox.filter((message) => wanted.has(message.to)).map((message) => message.text);
      if (links.length < wanted.size) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const accepts = latencyHistogram();
    for (const text of links) {
      const token = /[#?&]token=([A-Za-z0-9_.-]+)/.exec(text)?.[1];
      const { username } = newUserBody();
      const started = performance.now();
      const body = {
        token,
        firstName: 'Ida',
        lastName: 'Rhodes',
        username,
        password: `Bench-${randomBytes(12).toString('base64url')}1!`,
      };
      const accepted = await api.post('/v1/invite-acceptances', body);
      recordMs(accepts, performance.now() - started);
      if (accepted.status !== 201) throw new Error(`accept failed: ${accepted.status}`);
    }
    console.log(`users created   ${users.toFixed(1).padStart(8)}/s (${CONCURRENCY} at once, ${seconds} s)`);
    console.log(`invites created ${invites.toFixed(1).padStart(8)}/s (${CONCURRENCY} at once, ${seconds} s)`);
    console.log(latencyRow('accept (one at a time)', accepts));
    const [p50, p99] = [percentileMs(accepts, 50), percentileMs(accepts, 99)];
    return {
      section: 'invites',
      pass: true,
      headline: `users ${users.toFixed(1)}/s, invites ${invites.toFixed(1)}/s; accept p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
