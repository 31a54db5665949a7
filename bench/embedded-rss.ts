import { ApiClient, newUserBody, openAccount } from '@gatehouse/testing';
import { execFileSync, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Probe } from './embedded-rss.probe';
import { KeepAliveClient } from './http-client';
import { heading, type SectionResult, verdict } from './report';
import { startFlags } from './start-flags';

export interface EmbeddedRssOptions {
  readonly users?: number;
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
}

const TARGET_MB = 250;
const SAMPLE_MS = 100;
const TIMEOUT_MS = 10 * 60_000;
const MB = 1024 * 1024;

/**
 * Peak RSS of the embedded app (its own process) while 10,000 users are created over HTTP into one
 * account and until all of them are listed. RSS is sampled every 100 ms by asking the process; on Linux
 * the kernel's high-water mark (VmHWM, reset when the workload starts) also catches a peak between samples.
 */
export async function embeddedRssSection(options: EmbeddedRssOptions = {}): Promise<SectionResult> {
  const users = options.users ?? 10_000;
  const concurrency = options.concurrency ?? 16;
  heading('Embedded RSS (SQLite, in-process bus, in-memory read models; own process)');
  console.log(
    `${users} users over HTTP, concurrency ${concurrency}; node flags [${nodeFlags().join(' ')}]; ` +
      `started ${new Date().toISOString()}`,
  );
  const dataDir = await mkdtemp(join(tmpdir(), 'gatehouse-bench-rss-'));
  const operatorToken = randomBytes(24).toString('base64url');
  // `npm start` runs the compiled JavaScript (tools/build.js); so does the measured child.
  execFileSync(process.execPath, [join(__dirname, '../tools/build.js')], { stdio: 'ignore' });
  const child = fork(
    join(__dirname, '../dist/bench/embedded-rss.child.js'),
    [dataDir, randomBytes(24).toString('base64url'), operatorToken],
    {
      cwd: join(__dirname, '..'),
      execArgv: nodeFlags(),
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  const probe = new Probe(child);
  let client: KeepAliveClient | undefined;
  try {
    const port = await probe.listening();
    const api = new ApiClient(`http://127.0.0.1:${port}`);
    const idle = (await probe.ask({})).rss;
    const account = await openAccount(api, operatorToken);
    client = new KeepAliveClient(api.baseUrl, account.adminToken);
    // Start-up and the admin's login (argon2id: 64 MiB per hash) are not the workload: keep their peak
    // apart, then restart the kernel's high-water mark so it covers creating and listing only.
    const setupPeak = await highWaterMark(child.pid);
    await resetHighWaterMark(child.pid);
    const http = client;
    const started = performance.now();
    const deadline = started + TIMEOUT_MS;
    let samplerFailure: unknown = null;
    const bounded = () => {
      if (samplerFailure) throw samplerFailure;
      if (options.signal?.aborted) throw new Error('aborted');
      if (performance.now() > deadline) throw new Error(`not done within ${TIMEOUT_MS / 1000} s`);
    };
    let peak = 0;
    let samples = 0;
    let count = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const reply = await probe.ask({ accountId: account.accountId });
        peak = Math.max(peak, reply.rss);
        count = reply.count ?? count;
        samples++;
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })().catch((error: unknown) => {
      samplerFailure = error ?? new Error('RSS sampling failed');
    });
    try {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < users) {
          bounded();
          next++;
          const { status, body } = await http.post(`/v1/accounts/${account.accountId}/users`, newUserBody());
          if (status !== 201) throw new Error(`create failed: ${status} ${JSON.stringify(body)}`);
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const createdMs = performance.now() - started;
      while (count < users + 1) {
        bounded();
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
      const listedMs = performance.now() - started;
      sampling = false;
      await sampler;
      if (samplerFailure) throw samplerFailure;
      const hwm = await highWaterMark(child.pid);
      const worst = Math.max(peak, hwm ?? 0);
      const pass = worst / MB < TARGET_MB;
      console.log(
        `peak RSS ${mb(worst)} (sampled every ${SAMPLE_MS} ms: ${mb(peak)} over ${samples} samples; ` +
          `kernel VmHWM: ${mb(hwm)})   target < ${TARGET_MB} MB: ${verdict(pass)}`,
      );
      console.log(
        `RSS idle after start ${mb(idle)}; peak of start-up and admin login ${mb(setupPeak)}; ` +
          `at the end ${mb((await probe.ask({})).rss)}`,
      );
      console.log(
        `${users} created in ${(createdMs / 1000).toFixed(1)} s (${((users / createdMs) * 1000).toFixed(0)}/s); ` +
          `all ${users + 1} listed after ${(listedMs / 1000).toFixed(1)} s`,
      );
      return {
        section: 'rss',
        pass,
        headline: `peak RSS ${mb(worst)} (target < ${TARGET_MB} MB)`,
      };
    } finally {
      sampling = false;
      await sampler;
    }
  } finally {
    client?.close();
    await probe.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** `npm start`'s flags; BENCH_RSS_NODE_FLAGS replaces them to try other heap settings. */
function nodeFlags(): string[] {
  const given = process.env['BENCH_RSS_NODE_FLAGS'];
  return given === undefined ? startFlags(join(__dirname, '..')) : given.split(' ').filter(Boolean);
}

const mb = (bytes: number | null): string => (bytes === null ? 'n/a' : `${(bytes / MB).toFixed(1)} MB`);

/** Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS. */
async function resetHighWaterMark(pid: number | undefined): Promise<void> {
  await writeFile(`/proc/${pid}/clear_refs`, '5').catch(() => undefined);
}

async function highWaterMark(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const match = status?.match(/^VmHWM:\s+(\d+) kB/m);
  return match ? Number(match[1]) * 1024 : null;
}
