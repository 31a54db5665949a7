import { DistributedStack, newUserBody, openAccount } from '@gatehouse/testing';
import { load, type Run } from './gateway';
import { heading, type SectionResult, verdict } from './report';

/** What structured logs may add to a request's p50 (issue 7: at most 5 % on the hot path). */
const MAX_ADDED = 0.05;

/**
 * GET user by id through the gateway, 16 connections, once with the gateway and the users service logging
 * at `info` (a JSON line per request in each, read by the stack as a log shipper would) and once with both
 * logging nothing. Two stacks one after the other: a noisy machine shows up as a difference too.
 */
export async function loggingSection(): Promise<SectionResult> {
  heading('Logging overhead (GET user by id through the gateway: JSON logs at info vs none)');
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const runs: Run[] = [];
  for (const level of ['silent', 'info']) {
    const logLevel = { GATEHOUSE_LOG_LEVEL: level };
    const stack = await DistributedStack.start({ env: { gateway: logLevel, users: logLevel } });
    try {
      const account = await openAccount(stack.users, stack.operatorToken);
      const path = `/v1/accounts/${account.accountId}/users`;
      const created = await account.admin.post<{ userId: string }>(path, newUserBody());
      const url = `${stack.users.baseUrl}${path}/${created.body.userId}`;
      await load(url, account.adminToken, 16, 1);
      runs.push(await load(url, account.adminToken, 16, seconds));
    } finally {
      await stack.stop();
    }
  }
  const [silent, info] = runs;
  const added = info.p50 / silent.p50 - 1;
  const cell = (run: Run) => `${run.p50} / ${run.p99} ms (${run.rps.toFixed(0)} req/s)`;
  console.log(`no logs: ${cell(silent)} | JSON logs at info: ${cell(info)}`);
  const headline = `p50 ${(added * 100).toFixed(1)} % with logs (target ≤ ${MAX_ADDED * 100} %)`;
  console.log(`${headline} ${verdict(added <= MAX_ADDED)}`);
  return { section: 'logging', pass: added <= MAX_ADDED, headline };
}
