import { ApiClient, openAccount } from '@gatehouse/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from '../services/gatehouse/src/embedded-app';
import { loadEmbeddedConfig } from '../services/gatehouse/src/embedded-config';
import { heading, latencyHistogram, percentileMs, recordMs, type SectionResult, verdict } from './report';

const DURATION_MS = Number(process.env['BENCH_EDGE_SECONDS'] ?? 5) * 1000;
const CONCURRENCY = 4;

/** Authenticated GETs for the duration, C=4: requests per second, p50 and p99 of the whole request. */
async function measure(client: ApiClient, path: string) {
  const latency = latencyHistogram();
  let done = 0;
  const until = performance.now() + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const began = performance.now();
        const response = await client.get(path);
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        recordMs(latency, performance.now() - began);
        done++;
      }
    }),
  );
  const rate = done / (DURATION_MS / 1000);
  return { rate, p50: percentileMs(latency, 50), p99: percentileMs(latency, 99) };
}

/** 99 ranges that do not cover the bench's client, then its own address: the matcher walks the list. */
const safelist = [
  ...Array.from({ length: 99 }, (_, i) => ({ address: `10.${i}.0.0/16`, label: `office ${i}` })),
  { address: '127.0.0.1', label: 'bench' },
];

/**
 * What the one edge costs per request, in one embedded process: a session token with no safelist, the
 * same with a 100-entry safelist, and an API key (same user, same route).
 */
export async function edgeSection(): Promise<SectionResult> {
  heading('Edge: cost per authenticated request (embedded, C=4, GET account settings)');
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-edge-'));
  const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
  const app = await createEmbeddedApp(config, 'warn');
  try {
    await app.listen(0, '127.0.0.1');
    const api = new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
    const account = await openAccount(api, config.operatorToken);
    const path = `/v1/accounts/${account.accountId}/settings`;
    const user = `/v1/accounts/${account.accountId}/users/${account.adminUserId}`;
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const issued = await account.admin.post<{ key: string }>(`${user}/api-keys`, {
      name: 'bench',
      expiresAt,
    });
    if (issued.status !== 201) throw new Error(`issuing a key failed: ${issued.status}`);
    const none = await measure(account.admin, path);
    const saved = await account.admin.request('PUT', `${user}/access-controls/ip-safelist`, {
      entries: safelist,
    });
    if (saved.status !== 200) throw new Error(`saving the safelist failed: ${saved.status}`);
    const listed = await measure(account.admin, path);
    const key = await measure(api.as(issued.body.key), path);
    const [load1] = loadavg();
    console.log(`load average (1 min) ${load1.toFixed(2)}`);
    console.log('credential                     |   req/s |  p50 ms |  p99 ms');
    for (const [name, r] of [
      ['session, no safelist', none],
      ['session, 100-entry safelist', listed],
      ['API key, 100-entry safelist', key],
    ] as const) {
      console.log(
        `${name.padEnd(30)} | ${r.rate.toFixed(0).padStart(7)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)}`,
      );
    }
    const ratio = listed.p50 / none.p50;
    const pass = ratio < 1.25;
    console.log(`p50 with a 100-entry safelist: ${ratio.toFixed(2)}× none ${verdict(pass)}`);
    return {
      section: 'edge',
      pass,
      headline: `p50 ${none.p50.toFixed(2)} ms → ${listed.p50.toFixed(2)} ms with 100 safelist entries; API key ${key.rate.toFixed(0)}/s vs session ${listed.rate.toFixed(0)}/s`,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
