import fc from 'fast-check';
import { baselineBody, bodyFor } from './fuzz-values';
import type { Operation } from './openapi-operations';

/** One request as sent; `userId` is the user its path names, if any. */
export interface FuzzRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly userId?: string;
}

/** What the requests may name: read when a request is generated, so ids and tokens stay current. */
export interface FuzzTargets {
  readonly accountId: string;
  readonly userIds: readonly string[];
  readonly adminToken: string;
  readonly operatorToken: string;
}

interface Choice {
  readonly params: Record<string, string>;
  readonly query: Record<string, string | undefined>;
  readonly authorization: string;
  readonly contentType: string;
  readonly ifMatch?: string;
  readonly requestId?: string;
  readonly padding?: number;
  readonly body?: string;
}

/** Left out about nine times in ten. */
const rarely = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 9 }, value);
const garbage = fc.constantFrom('garbage', '0', '%ZZ', '..', 'a'.repeat(300), '%00', '😀');
const roleIds = ['developer', 'account-admin', 'viewer'];

function toRequest(operation: Operation, targets: () => FuzzTargets, choice: Choice): FuzzRequest {
  const { adminToken, operatorToken } = targets();
  const path = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURI(choice.params[name]));
  const search = new URLSearchParams(
    Object.entries(choice.query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  const headers: Record<string, string> = {};
  const token = { admin: adminToken, operator: operatorToken }[choice.authorization] ?? choice.authorization;
  if (token !== 'none') headers['authorization'] = token.startsWith('B') ? token : `Bearer ${token}`;
  const body = operation.method === 'GET' ? undefined : choice.body;
  if (body !== undefined && choice.contentType !== 'none') headers['content-type'] = choice.contentType;
  if (choice.ifMatch) headers['if-match'] = choice.ifMatch;
  if (choice.requestId) headers['x-request-id'] = choice.requestId;
  if (choice.padding) headers['x-padding'] = 'p'.repeat(choice.padding);
  const url = `${path}${search ? `?${search}` : ''}`;
  return { method: operation.method, url, headers, body, userId: choice.params['userId'] };
}

/** Random requests: mostly well-formed and authorised, so they reach the domain, and every part fuzzed. */
export function requestsFor(operation: Operation, targets: () => FuzzTargets): fc.Arbitrary<FuzzRequest> {
  const pick = (real: () => readonly string[]) =>
    fc.oneof({ arbitrary: fc.nat().map((n) => real()[n % real().length]), weight: 12 }, fc.uuid(), garbage);
  const pools: Record<string, () => readonly string[]> = {
    accountId: () => [targets().accountId],
    userId: () => targets().userIds,
  };
  const params = Object.fromEntries(
    operation.pathParams.map((name) => [name, pick(pools[name] ?? (() => roleIds))]),
  );
  // The list's cursor belongs to the read side's rewrite (issue 11's `cursor=garbage`): not fuzzed here.
  const queried = operation.queryParams.filter((each) => each.name !== 'cursor');
  const query = Object.fromEntries(
    queried.map((each) => [
      each.name,
      fc.option(fc.oneof(fc.integer({ min: -5, max: 300 }).map(String), garbage)),
    ]),
  );
  const choice = fc.record({
    params: fc.record(params),
    query: fc.record(query),
    authorization: fc.oneof(
      { arbitrary: fc.constant('admin'), weight: 20 },
      fc.constantFrom('none', 'operator', 'Bearer garbage', 'Basic YTpi', `Bearer ${'a'.repeat(2000)}`),
    ),
    contentType: fc.oneof(
      { arbitrary: fc.constant('application/json'), weight: 20 },
      fc.constantFrom(
        'text/plain',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        'none',
      ),
    ),
    ifMatch: rarely(fc.constantFrom('"0"', '"1"', '"999"', 'garbage', '*', 'W/"1"', '""')),
    requestId: rarely(fc.stringMatching(/^[\w.-]{1,40}$/)),
    padding: rarely(fc.constantFrom(100, 20_000)),
    body: bodyFor(operation.body),
  });
  return choice.map((each) => toRequest(operation, targets, each as Choice));
}

/**
 * The boundaries every run tries first: an accepted body with each field in turn null and blank, sent
 * as the admin to a real user. These are the writes that once left users broken.
 */
export function boundaryRequests(
  operation: Operation,
  targets: () => FuzzTargets,
  seed: number,
): FuzzRequest[] {
  if (!operation.body?.properties) return [];
  const base = baselineBody(operation.body, seed);
  const { accountId, userIds } = targets();
  const real: Record<string, string> = { accountId, userId: userIds[userIds.length > 1 ? 1 : 0] };
  const params = Object.fromEntries(operation.pathParams.map((name) => [name, real[name] ?? roleIds[0]]));
  return Object.keys(operation.body.properties).flatMap((field) =>
    [null, '', ' '].map((value) =>
      toRequest(operation, targets, {
        params,
        query: {},
        authorization: 'admin',
        contentType: 'application/json',
        body: JSON.stringify({ ...base, [field]: value }),
      }),
    ),
  );
}
