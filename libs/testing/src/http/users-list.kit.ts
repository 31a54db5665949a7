import { type ApiResponse, eventually } from './api-client';
import { newMember, type LifecycleStack } from './user-lifecycle.kit';
import { newUserBody, openAccount, type OpenedAccount } from './scenario';

/** A users-list row as the API returns it. */
export interface ListedUser {
  id: string;
  name: string;
  email: string;
  username: string;
  roles: string[];
  status: string;
  language: string;
  lastLoginAt: string | null;
  deletionRequestedAt: string | null;
}

export interface ListedPage {
  items: ListedUser[];
  nextCursor: string | null;
  total: number;
}

/**
 * One fresh account whose five users cover every filter and sort: the admin (logged in before `loginsFrom`),
 * Zoë (fr, support), Émile (de, developer, disabled), "=Bob" (deletion requested; a formula-like name)
 * and a member who logged in after `loginsFrom`. Resolves once the list shows all of it.
 */
export interface PeopleAccount {
  readonly account: OpenedAccount;
  readonly ids: { admin: string; zoe: string; emile: string; bob: string; member: string };
  readonly loginsFrom: string;
  readonly usersPath: string;
  /** A session of the member, who holds no role (so no users:read). */
  readonly memberToken: string;
}

export async function openPeopleAccount(stack: LifecycleStack): Promise<PeopleAccount> {
  const account = await openAccount(stack.users, stack.operatorToken);
  const usersPath = `/v1/accounts/${account.accountId}/users`;
  await new Promise((resolve) => setTimeout(resolve, 5));
  const loginsFrom = new Date().toISOString();
  const create = async (body: Record<string, unknown>): Promise<string> => {
    const created = await account.admin.post<{ userId: string }>(usersPath, newUserBody(body));
    if (created.status !== 201)
      throw new Error(`create failed: ${created.status} ${JSON.stringify(created.body)}`);
    return created.body.userId;
  };
  const zoe = await create({ firstName: 'Zoë', lastName: 'Ångström', language: 'fr', roles: ['support'] });
  const emile = await create({ firstName: 'Émile', lastName: 'Zola', language: 'de', roles: ['developer'] });
  const bob = await create({ firstName: '=Bob', lastName: 'Brown' });
  const { userId: member, token: memberToken } = await newMember(stack, account);
  for (const [path, status] of [
    [`${usersPath}/${emile}/disable`, 204],
    [`${usersPath}/${bob}/deletion-request`, 202],
  ] as const) {
    const response = await account.admin.post(path, {});
    if (response.status !== status)
      throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const people: PeopleAccount = {
    account,
    ids: { admin: account.adminUserId, zoe, emile, bob, member },
    loginsFrom,
    usersPath,
    memberToken,
  };
  await eventually(async () => {
    const rows = (await listPage(stack, people, '?limit=200')).body.items;
    const row = (id: string) => rows.find((item) => item.id === id);
    const settled =
      rows.length === 5 &&
      row(emile)?.status === 'disabled' &&
      row(bob)?.deletionRequestedAt &&
      row(member)?.lastLoginAt &&
      row(member)?.status === 'active' &&
      row(zoe)?.roles.length === 1;
    if (!settled) throw new Error('the list has not caught up yet');
  }, 30_000);
  return people;
}

export const listPage = (
  stack: LifecycleStack,
  people: PeopleAccount,
  query: string,
): Promise<ApiResponse<ListedPage>> =>
  stack.projections.as(people.account.adminToken).get<ListedPage>(`${people.usersPath}${query}`);

/** The ids of a page, named after the people of the account. */
export function namesOf(people: PeopleAccount, rows: readonly { id: string }[]): string[] {
  const byId = new Map(Object.entries(people.ids).map(([name, id]) => [id, name]));
  return rows.map((row) => byId.get(row.id) ?? row.id);
}
