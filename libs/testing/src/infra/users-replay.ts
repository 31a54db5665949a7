import { escapeIdentifier } from 'pg';
import type { ApiClient } from '../http/api-client';
import { withClient } from './pg-events';

/** What the users list must show of a user, as the failover tests compare it. */
export interface ListedUser {
  readonly id: string;
  readonly firstName: string;
  readonly status: string;
  /** Sorted: the comparison is of sets. */
  readonly roles: readonly string[];
}

/**
 * The users of an account folded straight from a PostgreSQL store's events table (creation, first-name
 * edits, disable/enable, role toggles), independent of the projection code: the reference a read model
 * built through the relay and Kafka must equal. Each stream's events are in global order.
 */
export async function replayUsers(schema: string, accountId: string): Promise<Map<string, ListedUser>> {
  const { rows } = await withClient((client) =>
    client.query<{ type: string; data: Record<string, unknown> }>(
      `SELECT type, data FROM ${escapeIdentifier(schema)}.gh_events WHERE account_id = $1 ORDER BY global_position`,
      [accountId],
    ),
  );
  const users = new Map<string, { firstName: string; status: string; roles: Set<string> }>();
  const roles = new Map<string, Set<string>>();
  const rolesOf = (userId: string): Set<string> => {
    const held = roles.get(userId) ?? new Set<string>();
    roles.set(userId, held);
    return held;
  };
  for (const { type, data } of rows) {
    const user = users.get(data['userId'] as string);
    if (type === 'UserCreated') {
      const userId = data['userId'] as string;
      users.set(userId, { firstName: data['firstName'] as string, status: 'active', roles: rolesOf(userId) });
    } else if (type === 'UserDetailsUpdated' && user) {
      const change = (data['changes'] as { firstName?: { to: string } }).firstName;
      if (change) user.firstName = change.to;
    } else if (type === 'UserDisabled' && user) user.status = 'disabled';
    else if (type === 'UserEnabled' && user) user.status = 'active';
    else if (type === 'RoleToggled') {
      const { userId, roleId, enabled } = data as { userId: string; roleId: string; enabled: boolean };
      if (enabled) rolesOf(userId).add(roleId);
      else rolesOf(userId).delete(roleId);
    }
  }
  return new Map(
    [...users].map(([id, user]) => [id, { id, ...user, roles: [...user.roles].sort() }] as const),
  );
}

/** Every row of an account's users list, page by page, as ListedUser (rows listed twice stay twice). */
export async function listUsers(api: ApiClient, accountId: string): Promise<ListedUser[]> {
  const rows: ListedUser[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : '?limit=200';
    const page = await api.get<{ items: ListedUser[]; nextCursor: string | null }>(
      `/v1/accounts/${accountId}/users${query}`,
    );
    if (page.status !== 200) throw new Error(`list failed: ${page.status} ${JSON.stringify(page.body)}`);
    rows.push(
      ...page.body.items.map(({ id, firstName, status, roles }) => ({
        id,
        firstName,
        status,
        roles: [...roles].sort(),
      })),
    );
    cursor = page.body.nextCursor;
  } while (cursor);
  return rows;
}

/** Polls until the list equals the replay (what a read model converging from Kafka must reach). */
export async function listEqualsReplay(
  api: ApiClient,
  schema: string,
  accountId: string,
  timeoutMs = 120_000,
): Promise<{ listed: ListedUser[]; replayed: ListedUser[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const replayed = [...(await replayUsers(schema, accountId)).values()];
    const listed = await listUsers(api, accountId);
    const byId = (a: ListedUser, b: ListedUser) => a.id.localeCompare(b.id);
    const same = JSON.stringify(listed.sort(byId)) === JSON.stringify(replayed.sort(byId));
    if (same || Date.now() > deadline) return { listed, replayed };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
