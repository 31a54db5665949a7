import { Topics } from '@gatehouse/contracts';
import { DistributedStack, newUserBody, openAccount, testEnv } from '@gatehouse/testing';
import { Redis } from 'ioredis';
import { printLatencies, type Sample, type Tally } from './create-to-listed.report';
import { cpuSnapshot, describeCpu } from './cpu-usage';
import { KeepAliveClient } from './http-client';
import { ListingWatcher } from './listing-watcher';
import { openLoop } from './open-loop';
import { heading, type SectionResult } from './report';

export interface CreateToListedOptions {
  readonly seconds?: number;
  readonly rate?: number;
  /** Sent at the same rate before the measured run, not recorded: JIT, pools, consumer fetch loop warm up. */
  readonly warmupSeconds?: number;
  readonly signal?: AbortSignal;
}

/** How long after the last send the bench waits for stragglers before counting them as never listed. */
const DRAIN_MS = 60_000;

/**
 * Users, projections and relay as real processes over PostgreSQL, Kafka and Redis (the broker must be
 * up: `run.ts` starts the project's own when none is named). Creates users at a fixed open-loop rate and
 * times each from just before its HTTP request is sent until its row is in the Redis users list.
 */
export async function createToListedSection(options: CreateToListedOptions = {}): Promise<SectionResult> {
  const seconds = options.seconds ?? Number(process.env['BENCH_SECONDS'] ?? 20);
  const rate = options.rate ?? 200;
  const warmup = Math.round((options.warmupSeconds ?? 2) * rate);
  const measured = Math.round(seconds * rate);
  heading('Create-to-listed latency, distributed mode (users, projections, relay as processes)');
  console.log(
    `open loop ${rate} creates/s for ${seconds} s (+${warmup / rate} s warm-up, not recorded); ` +
      `started ${new Date().toISOString()}`,
  );
  const stack = await DistributedStack.start();
  const redis = new Redis(testEnv.redisUrl);
  let client: KeepAliveClient | undefined;
  let watcher: ListingWatcher | undefined;
  try {
    const account = await openAccount(stack.users, stack.operatorToken);
    const usersPath = `/v1/accounts/${account.accountId}/users`;
    const http = (client = new KeepAliveClient(stack.users.baseUrl, account.adminToken));
    const watching = (watcher = new ListingWatcher(redis, `${stack.name}:`, account.accountId));
    await untilListed(watching, account.adminUserId, options.signal);

    const samples: Sample[] = [];
    const tally: Tally = { sent: 0, created: 0, errors: 0, inFlight: 0, firstError: '' };
    const cpuBefore = await cpuSnapshot();
    const started = performance.now();
    let measuredFrom = started;
    let lastResponse = started;
    const run = await openLoop({ rate, count: warmup + measured, signal: options.signal }, (index) => {
      const record = index >= warmup;
      const sentAt = performance.now();
      if (index === warmup) measuredFrom = sentAt;
      tally.inFlight++;
      http
        .post(usersPath, newUserBody())
        .then(({ status, body }) => {
          const respondedAt = (lastResponse = performance.now());
          if (status !== 201) throw new Error(`HTTP ${status} ${JSON.stringify(body)}`);
          tally.created++;
          const { userId } = body as { userId: string };
          watching.watch(userId, (listedAt) => {
            if (record) samples.push({ streamId: `user-${userId}`, sentAt, respondedAt, listedAt });
          });
        })
        .catch((error: unknown) => {
          if (record) tally.errors++;
          tally.firstError ||= error instanceof Error ? error.message : String(error);
        })
        .finally(() => tally.inFlight--);
    });
    tally.sent = run.sent;
    const drainUntil = performance.now() + DRAIN_MS;
    while ((tally.inFlight > 0 || watching.pendingCount > 0) && performance.now() < drainUntil) {
      if (options.signal?.aborted) throw new Error('aborted');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const cpu = describeCpu(cpuBefore, await cpuSnapshot(), tally.created);
    const result = await printLatencies({
      samples,
      measured,
      measuredFrom,
      tally: { ...tally, unlisted: tally.inFlight + watching.pendingCount },
      run: { ...run, completedPerSecond: (tally.created / (lastResponse - started)) * 1000, rate },
      topic: `${stack.name}.${Topics.users}`,
    });
    console.log(cpu);
    return result;
  } finally {
    await watcher?.stop();
    client?.close();
    redis.disconnect();
    await stack.stop();
  }
}

async function untilListed(watcher: ListingWatcher, userId: string, signal?: AbortSignal): Promise<void> {
  let seen = false;
  watcher.watch(userId, () => (seen = true));
  const deadline = performance.now() + 60_000;
  while (!seen) {
    if (signal?.aborted) throw new Error('aborted');
    if (performance.now() > deadline)
      throw new Error('the account admin was never listed: is the pipeline up?');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
