import { DistributedStack, newUserBody, openAccount } from '@gatehouse/testing';
import autocannon from 'autocannon';
import { heading, type SectionResult, verdict } from './report';

/** What the gateway adds to a request: p50 within 1 ms of the direct call, at 1 and 16 connections. */
const MAX_ADDED_P50_MS = 1;

export interface Run {
  readonly p50: number;
  readonly p99: number;
  readonly rps: number;
}

export async function load(url: string, token: string, connections: number, seconds: number): Promise<Run> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
  });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { p50: result.latency.p50, p99: result.latency.p99, rps: result.requests.average };
}

/** GET user by id, straight to the users service and through the gateway, alternating in one run. */
export async function gatewaySection(): Promise<SectionResult> {
  heading('Gateway overhead (GET user by id: direct to the users service vs through the gateway)');
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const stack = await DistributedStack.start();
  try {
    const account = await openAccount(stack.users, stack.operatorToken);
    const path = `/v1/accounts/${account.accountId}/users`;
    const created = await account.admin.post<{ userId: string }>(path, newUserBody());
    const target = `${path}/${created.body.userId}`;
    console.log('connections | direct p50 / p99 (req/s) | gateway p50 / p99 (req/s) | added p50');
    const added: number[] = [];
    for (const connections of [1, 16]) {
      await load(`${stack.direct.users.baseUrl}${target}`, account.adminToken, connections, 1);
      await load(`${stack.users.baseUrl}${target}`, account.adminToken, connections, 1);
      const direct = await load(
        `${stack.direct.users.baseUrl}${target}`,
        account.adminToken,
        connections,
        seconds,
      );
      const gateway = await load(`${stack.users.baseUrl}${target}`, account.adminToken, connections, seconds);
      const cell = (run: Run) => `${run.p50} / ${run.p99} ms (${run.rps.toFixed(0)})`;
      added.push(gateway.p50 - direct.p50);
      console.log(
        `${String(connections).padStart(11)} | ${cell(direct).padStart(24)} | ${cell(gateway).padStart(25)} | ` +
          `${(gateway.p50 - direct.p50).toFixed(1)} ms ${verdict(gateway.p50 - direct.p50 <= MAX_ADDED_P50_MS)}`,
      );
    }
    return {
      section: 'gateway',
      pass: added.every((ms) => ms <= MAX_ADDED_P50_MS),
      headline: `added p50 ${added.map((ms) => `${ms.toFixed(1)} ms`).join(' (C=1), ')} (C=16) (target ≤ ${MAX_ADDED_P50_MS} ms)`,
    };
  } finally {
    await stack.stop();
  }
}
