import type { NewEvent, UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { EventStore } from '@gatehouse/event-store';
import { ApiClient, newUserBody, openAccount } from '@gatehouse/testing';
import { type ExistingUser, userDecider, userStreamId } from '@gatehouse/users-domain';
import type { INestApplication } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmbeddedApp } from '../services/gatehouse/src/embedded-app';
import { loadEmbeddedConfig } from '../services/gatehouse/src/embedded-config';
import type { Histogram } from 'hdr-histogram-js';
import { heading, latencyHistogram, percentileMs, recordMs, type SectionResult, verdict } from './report';

const PAST_LOGINS = Number(process.env['BENCH_HISTORY_LOGINS'] ?? 100_000);
const LOGINS = Number(process.env['BENCH_HISTORY_TRIES'] ?? 200);
const GETS = LOGINS * 5;
const BATCH = 1000;

interface Subject {
  readonly label: string;
  readonly accountId: string;
  readonly userId: string;
  readonly username: string;
  readonly password: string;
  /** The user's own API key: reads and edits of the user that survive the seeded logins' session cap. */
  readonly keyed: ApiClient;
}

/**
 * Issue 12's "flat with history": login and get-user p99 of a user with 100k past logins beside one with
 * 10, in one embedded process (SQLite), over HTTP. The long history is made by the users decider itself
 * (RecordLoginAttempt, one login a minute in the past, so every session it opens has expired) and appended
 * in batches of 1,000, each followed by a read and an edit of the user; then Gatehouse restarts, so
 * nothing of either user is in memory, and both are measured in turn: the first request of each (cold), then logins and gets.
 */
export async function historySection(): Promise<SectionResult> {
  heading(
    `History: a user with ${PAST_LOGINS.toLocaleString('en')} past logins beside one with 10 (embedded)`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-history-'));
  const config = loadEmbeddedConfig({ GATEHOUSE_DATA_DIR: dataDir, PORT: '0' });
  let app = await createEmbeddedApp(config, 'warn');
  try {
    let api = await listen(app);
    const short = await subject(api, config.operatorToken, '10 logins');
    const long = await subject(api, config.operatorToken, `${PAST_LOGINS / 1000}k logins`);
    await seedLogins(app.get(EventStore), short, 10);
    const seeded = performance.now();
    await seedLogins(app.get(EventStore), long, PAST_LOGINS);
    console.log(`seeded ${PAST_LOGINS} logins in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    await app.close();
    const restarted = performance.now();
    app = await createEmbeddedApp(config, 'warn');
    api = await listen(app);
    console.log(
      `restarted (start-up replay included) in ${((performance.now() - restarted) / 1000).toFixed(1)} s`,
    );
    const rows = await measure(api, [short, long]);
    const [load1] = loadavg();
    console.log(`load average (1 min) ${load1.toFixed(2)}`);
    console.log('user            | cold login ms | cold get ms | login p50 | login p99 | get p50 | get p99');
    for (const [who, row] of rows) {
      const cells = [row.coldLogin, row.coldGet].map((v) => v.toFixed(1).padStart(13));
      const percentiles = [row.login, row.login, row.get, row.get].map((h, n) =>
        percentileMs(h, n % 2 === 0 ? 50 : 99)
          .toFixed(2)
          .padStart(9),
      );
      console.log(`${who.label.padEnd(15)} | ${cells.join(' |')} | ${percentiles.join(' | ')}`);
    }
    const [[, few], [, many]] = rows;
    const loginRatio = percentileMs(many.login, 99) / percentileMs(few.login, 99);
    const getRatio = percentileMs(many.get, 99) / percentileMs(few.get, 99);
    const pass = loginRatio <= 1.2 && getRatio <= 1.2;
    console.log(
      `p99 with the long history: login ${loginRatio.toFixed(2)}×, get-user ${getRatio.toFixed(2)}× (target ≤ 1.2×) ${verdict(pass)}`,
    );
    return {
      section: 'history',
      pass,
      headline: `${PAST_LOGINS} past logins: login p99 ${loginRatio.toFixed(2)}×, get-user p99 ${getRatio.toFixed(2)}× of 10`,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function listen(app: INestApplication): Promise<ApiClient> {
  await app.listen(0, '127.0.0.1');
  return new ApiClient(`http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`);
}

/** An account's first admin: a user whose password the bench chose, so it can log in. */
async function subject(api: ApiClient, operatorToken: string, label: string): Promise<Subject> {
  const password = `Bench-${randomBytes(12).toString('base64url')}1!`;
  const body = newUserBody({ password });
  const opened = await openAccount(api, operatorToken, body);
  const self = `/v1/accounts/${opened.accountId}/users/${opened.adminUserId}`;
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const issued = await opened.admin.post<{ key: string }>(`${self}/api-keys`, { name: 'bench', expiresAt });
  if (issued.status !== 201) throw new Error(`issuing a key failed: ${issued.status}`);
  return {
    label,
    accountId: opened.accountId,
    userId: opened.adminUserId,
    username: String(body['username']),
    password,
    keyed: api.as(issued.body.key),
  };
}

/** `count` successful logins decided by the users decider, a minute apart and ending a day ago. */
async function seedLogins(store: EventStore, who: Subject, count: number): Promise<void> {
  const streamId = userStreamId(who.userId);
  let version = await readAndEdit(who);
  const stored = await store.readStream(streamId);
  let state = fold(userDecider.evolve, userDecider.initialState(), stored as unknown as UserEvent[]);
  const start = Date.now() - 86_400_000 - count * 60_000;
  for (let done = 0; done < count; done += BATCH) {
    const batch: NewEvent[] = [];
    for (let n = done; n < Math.min(count, done + BATCH); n++) {
      const at = new Date(start + n * 60_000).toISOString();
      const decided = userDecider.decide(
        {
          type: 'RecordLoginAttempt',
          sessionId: randomUUID(),
          ip: '127.0.0.1',
          channel: 'password',
          at,
          passwordMatches: true,
          lockout: { maxFailures: 5, windowMinutes: 15 },
        },
        state as ExistingUser,
      );
      for (const event of decided) {
        state = userDecider.evolve(state, event);
        batch.push({
          eventId: randomUUID(),
          type: event.type,
          schemaVersion: 1,
          accountId: who.accountId,
          occurredAt: at,
          actor: who.userId,
          correlationId: randomUUID(),
          causationId: null,
          data: event.data,
        });
      }
    }
    await store.append(streamId, batch, version);
    version = await readAndEdit(who);
  }
}

/**
 * What a live system does as a user's history grows: requests read the user (principal and record views)
 * and commands decide on it, folding (and snapshotting) the new events. Returns the stream's version.
 */
async function readAndEdit(who: Subject): Promise<number> {
  const path = `/v1/accounts/${who.accountId}/users/${who.userId}`;
  const read = await who.keyed.get<{ timeZone: string }>(path);
  if (read.status !== 200) throw new Error(`reading ${who.label} answered ${read.status}`);
  const timeZone = read.body.timeZone === 'UTC' ? 'Europe/Paris' : 'UTC';
  const edited = await who.keyed.request('PATCH', path, { timeZone });
  if (edited.status !== 204) throw new Error(`editing ${who.label} answered ${edited.status}`);
  return Number(JSON.parse(edited.headers.get('etag') ?? 'null'));
}

interface Measured {
  readonly coldLogin: number;
  readonly coldGet: number;
  readonly login: Histogram;
  readonly get: Histogram;
}

/** The subjects in turn, so both meet the same load: a cold login and get each, then the samples. */
async function measure(api: ApiClient, subjects: readonly Subject[]): Promise<[Subject, Measured][]> {
  const runs = [];
  for (const who of subjects) {
    let began = performance.now();
    const client = await logIn(api, who);
    const coldLogin = performance.now() - began;
    began = performance.now();
    await getSelf(client, who);
    const coldGet = performance.now() - began;
    runs.push({ who, client, coldLogin, coldGet, login: latencyHistogram(), get: latencyHistogram() });
  }
  for (let n = 0; n < GETS; n++) {
    for (const run of runs) {
      if (n < LOGINS) {
        const began = performance.now();
        run.client = await logIn(api, run.who);
        recordMs(run.login, performance.now() - began);
      }
      const began = performance.now();
      await getSelf(run.client, run.who);
      recordMs(run.get, performance.now() - began);
    }
  }
  return runs.map(({ who, ...measured }) => [who, measured]);
}

async function logIn(api: ApiClient, who: Subject): Promise<ApiClient> {
  const response = await api.post<{ token: string }>('/v1/sessions', {
    username: who.username,
    password: who.password,
  });
  if (response.status !== 201) throw new Error(`login of ${who.label} answered ${response.status}`);
  return api.as(response.body.token);
}

async function getSelf(client: ApiClient, who: Subject): Promise<void> {
  const response = await client.get(`/v1/accounts/${who.accountId}/users/${who.userId}`);
  if (response.status !== 200) throw new Error(`get of ${who.label} answered ${response.status}`);
}
