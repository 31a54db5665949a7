import { ADMIN_PASSWORD, ApiClient, openAccount } from '@gatehouse/testing';
import type { Histogram } from 'hdr-histogram-js';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from '../services/gatehouse/src/embedded-app';
import { loadEmbeddedConfig } from '../services/gatehouse/src/embedded-config';
import {
  heading,
  latencyHistogram,
  latencyRow,
  percentileMs,
  recordMs,
  type SectionResult,
  verdict,
} from './report';

const TRIES = Number(process.env['BENCH_CREDENTIAL_TRIES'] ?? 200);
const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * Times the named requests round-robin, one at a time, so every kind meets the same load on a shared
 * machine; each must answer `status`.
 */
async function timeInTurn(
  api: ApiClient,
  path: string,
  kinds: Record<string, { authorization: string; status: number }>,
): Promise<Record<string, Histogram>> {
  const histograms = Object.fromEntries(Object.keys(kinds).map((kind) => [kind, latencyHistogram()]));
  for (let n = 0; n < TRIES; n++) {
    for (const [kind, { authorization, status }] of Object.entries(kinds)) {
      const began = performance.now();
      const response = await api.get(path, { authorization });
      recordMs(histograms[kind], performance.now() - began);
      if (response.status !== status) throw new Error(`${kind}: ${response.status}, not ${status}`);
    }
  }
  return histograms;
}

/**
 * Issues 8 and 12 over embedded Gatehouse (one process, SQLite), through HTTP: (1) a basic-auth refusal of
 * an unknown username and of a known one with a wrong password, whose medians must be within 10 % so
 * timing does not tell which usernames exist; (2) a request by basic auth (a remembered verification)
 * and by API key beside a session-token request, each within 1.5× of it at p50.
 */
export async function credentialsSection(): Promise<SectionResult> {
  heading(`Credentials at the edge: ${TRIES} tries of each, in turn (embedded, over HTTP)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-bench-credentials-'));
  // Unthrottled, so every refusal is verified: the throttle would answer the 21st one unverified.
  const config = loadEmbeddedConfig({
    GATEHOUSE_DATA_DIR: dataDir,
    PORT: '0',
    GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS: '1000000',
    GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '1000000',
  });
  const app = await createEmbeddedApp(config, 'warn');
  try {
    await app.listen(0, '127.0.0.1');
    const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    const account = await openAccount(api, config.operatorToken);
    const self = `/v1/accounts/${account.accountId}/users/${account.adminUserId}`;
    const { username } = (await account.admin.get<{ username: string }>(self)).body;
    await account.admin.request('PUT', `${self}/access-controls/api-access`, { http: true });
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const { key } = (
      await account.admin.post<{ key: string }>(`${self}/api-keys`, { name: 'bench', expiresAt })
    ).body;

    const refusals = await timeInTurn(api, self, {
      'unknown user': { authorization: basic(`nobody.${username}`, ADMIN_PASSWORD), status: 401 },
      'wrong password': { authorization: basic(username, `${ADMIN_PASSWORD}-wrong`), status: 401 },
    });
    const [unknown, wrong] = [refusals['unknown user'], refusals['wrong password']].map((h) =>
      percentileMs(h, 50),
    );
    const apart = Math.abs(unknown - wrong) / Math.min(unknown, wrong);
    for (const [kind, histogram] of Object.entries(refusals)) console.log(latencyRow(kind, histogram));
    console.log(
      `refusal medians ${(apart * 100).toFixed(1)} % apart (target ≤ 10 %) ${verdict(apart <= 0.1)}`,
    );

    const accepted = await timeInTurn(api, self, {
      'session token': { authorization: `Bearer ${account.adminToken}`, status: 200 },
      'basic auth': { authorization: basic(username, ADMIN_PASSWORD), status: 200 },
      'API key': { authorization: `Bearer ${key}`, status: 200 },
    });
    for (const [kind, histogram] of Object.entries(accepted)) console.log(latencyRow(kind, histogram));
    const session = percentileMs(accepted['session token'], 50);
    const ratios = ['basic auth', 'API key'].map((kind) => percentileMs(accepted[kind], 50) / session);
    console.log(
      `p50 vs a session: basic auth ${ratios[0].toFixed(2)}×, API key ${ratios[1].toFixed(2)}× (target ≤ 1.5×) ${verdict(
        ratios.every((ratio) => ratio <= 1.5),
      )}`,
    );
    console.log(
      `load average ${loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}`,
    );
    const pass = apart <= 0.1 && ratios.every((ratio) => ratio <= 1.5);
    return {
      section: 'credentials',
      pass,
      headline: `refusals ${(apart * 100).toFixed(1)} % apart; basic ${ratios[0].toFixed(2)}×, key ${ratios[1].toFixed(2)}× a session at p50`,
    };
  } finally {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
