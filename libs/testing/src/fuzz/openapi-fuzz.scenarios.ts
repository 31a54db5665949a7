import fc from 'fast-check';
import { ADMIN_PASSWORD, newUserBody, openAccount, type OpenedAccount } from '../http/scenario';
import type { RunningStack } from '../http/users-api.scenarios';
import { boundaryRequests, type FuzzRequest, type FuzzTargets, requestsFor } from './fuzz-requests';
import { type OpenApiDocument, type Operation, operationsOf } from './openapi-operations';

export interface FuzzStack extends RunningStack {
  /** What is broken in the user as its stream folds now (the users decider's invariants), [] when nothing. */
  readonly userViolations: (userId: string) => Promise<string[]>;
}

export interface FuzzOptions {
  readonly seed: number;
  /** Random requests per operation, after its boundary requests. */
  readonly runs: number;
  readonly timeoutMs: number;
}

/**
 * Issue 11's property, for every operation of the OpenAPI document: whatever the body, path and headers,
 * no 5xx; every 4xx is problem+json with its status; after any accepted request, the user it touched
 * still satisfies the users decider's invariants. One account of its own; the admin logs in again when a
 * request ended their session. Prints the statuses seen per operation.
 */
export function openApiFuzzScenarios(stack: () => FuzzStack, options: FuzzOptions): void {
  let account: OpenedAccount;
  let adminUsername: string;
  let operations: Operation[] = [];
  const userIds: string[] = [];
  const tally = new Map<string, Map<number, number>>();
  const targets = (): FuzzTargets => ({
    accountId: account.accountId,
    userIds,
    adminToken: account.adminToken,
    operatorToken: stack().operatorToken,
  });

  beforeAll(async () => {
    const admin = newUserBody({ firstName: 'Fuzz', lastName: 'Admin', password: ADMIN_PASSWORD });
    adminUsername = String(admin['username']);
    account = await openAccount(stack().users, stack().operatorToken, admin);
    operations = operationsOf((await stack().users.get<OpenApiDocument>('/docs/openapi.json')).body);
    const usersPath = `/v1/accounts/${account.accountId}/users`;
    const target = await account.admin.post<{ userId: string }>(usersPath, newUserBody());
    userIds.push(account.adminUserId, target.body.userId);
  });

  afterAll(() => {
    const lines = [...tally].map(([name, seen]) => `${name} ${JSON.stringify(Object.fromEntries(seen))}`);
    const total = [...tally.values()].reduce(
      (sum, seen) => sum + [...seen.values()].reduce((a, b) => a + b, 0),
      0,
    );
    process.stdout.write(
      `fuzz: ${tally.size} operations, ${total} requests (seed ${options.seed}, ${options.runs} random each)\n  ${lines.join('\n  ')}\n`,
    );
  });

  const send = async (request: FuzzRequest) => {
    const { method, headers, body } = request;
    const response = await fetch(`${stack().users.baseUrl}${request.url}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
  };

  const check = async (operation: Operation, request: FuzzRequest): Promise<void> => {
    const { status, contentType, text } = await send(request);
    const name = `${operation.method} ${operation.path}`;
    const seen = tally.get(name) ?? new Map<number, number>();
    tally.set(name, seen.set(status, (seen.get(status) ?? 0) + 1));
    if (status >= 500) throw new Error(`${status} for ${JSON.stringify(request)}: ${text}`);
    if (status >= 400) {
      expect(contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(text)).toMatchObject({ status, code: expect.any(String) });
      return;
    }
    const body = contentType.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const touched = [request.userId, body['userId'], body['adminUserId']].filter(
      (id): id is string => typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id),
    );
    for (const id of touched) {
      if (!userIds.includes(id)) userIds.push(id);
      const violations = await stack().userViolations(id);
      expect({ request, violations }).toEqual({ request, violations: [] });
    }
    if (
      operation.path === '/v1/sessions/current' &&
      request.headers['authorization']?.endsWith(account.adminToken)
    ) {
      const credentials = { username: adminUsername, password: ADMIN_PASSWORD };
      const login = await stack().users.post<{ token: string }>('/v1/sessions', credentials);
      account = { ...account, adminToken: login.body.token };
    }
  };

  it(
    'answers every documented operation with no 5xx, problems on 4xx, and users intact',
    async () => {
      expect(operations.length).toBeGreaterThan(15);
      for (const [index, operation] of operations.entries()) {
        const seed = options.seed + index;
        const property = fc.asyncProperty(requestsFor(operation, targets), (request) =>
          check(operation, request),
        );
        const examples = boundaryRequests(operation, targets, seed).map(
          (request) => [request] as [FuzzRequest],
        );
        const numRuns = options.runs + examples.length; // fast-check counts examples as runs
        const result = await fc.check(property, { seed, numRuns, examples });
        if (result.failed)
          throw new Error(`${operation.method} ${operation.path}: ${fc.defaultReportMessage(result)}`);
      }
    },
    options.timeoutMs,
  );
}
