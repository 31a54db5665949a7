import type { UserFields, UserRow, UsersListWrite, WriteSource } from '@gatehouse/users-list';
import {
  assertLimit,
  type ListOptions,
  type Page,
  toUserRow,
  UsersListReadModel,
} from './users-list.read-model';

interface StoredRow {
  fields: Partial<UserFields>;
  roles: string[];
  /** Last position applied to this row, per source stream. */
  readonly positions: Map<string, number>;
}

interface AccountRows {
  readonly rows: Map<string, StoredRow>;
  /** Ids of created users, kept sorted so list() is a binary search plus a slice. */
  readonly listed: string[];
}

/** Reference adapter for unit tests and embedded mode: the port's semantics in plain maps. */
export class InMemoryUsersListReadModel extends UsersListReadModel {
  private readonly accounts = new Map<string, AccountRows>();

  async apply(writes: readonly UsersListWrite[]): Promise<void> {
    for (const write of writes) this.applyOne(write);
  }

  async list(accountId: string, options: ListOptions): Promise<Page<UserRow>> {
    assertLimit(options.limit);
    const account = this.accounts.get(accountId);
    if (!account) return { items: [], nextCursor: null };
    const start = options.cursor === undefined ? 0 : firstAfter(account.listed, options.cursor);
    const ids = account.listed.slice(start, start + options.limit + 1);
    const hasMore = ids.length > options.limit;
    const items = ids.slice(0, options.limit).map((id) => this.rowOf(account, id) as UserRow);
    return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
  }

  async get(accountId: string, userId: string): Promise<UserRow | null> {
    const account = this.accounts.get(accountId);
    return account ? this.rowOf(account, userId) : null;
  }

  async count(accountId: string): Promise<number> {
    return this.accounts.get(accountId)?.listed.length ?? 0;
  }

  async clear(): Promise<void> {
    this.accounts.clear();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private applyOne(write: UsersListWrite): void {
    const account = this.accountOf(write.accountId);
    const row: StoredRow = account.rows.get(write.userId) ?? { fields: {}, roles: [], positions: new Map() };
    account.rows.set(write.userId, row);
    if (!advance(row, write.source)) return;
    if (write.kind === 'toggle-role') {
      row.roles = toggled(row.roles, write.roleId, write.enabled);
      return;
    }
    const wasListed = row.fields.createdAt !== undefined;
    row.fields = { ...row.fields, ...write.fields };
    if (!wasListed && row.fields.createdAt !== undefined) {
      account.listed.splice(firstAfter(account.listed, write.userId), 0, write.userId);
    }
  }

  private accountOf(accountId: string): AccountRows {
    const existing = this.accounts.get(accountId);
    if (existing) return existing;
    const created: AccountRows = { rows: new Map(), listed: [] };
    this.accounts.set(accountId, created);
    return created;
  }

  private rowOf(account: AccountRows, userId: string): UserRow | null {
    const row = account.rows.get(userId);
    return row ? toUserRow(userId, row.fields, row.roles) : null;
  }
}

/** Records the source position and says whether the write is new for this row. */
function advance(row: StoredRow, source: WriteSource): boolean {
  const applied = row.positions.get(source.streamId);
  if (applied !== undefined && source.streamPosition <= applied) return false;
  row.positions.set(source.streamId, source.streamPosition);
  return true;
}

/** Same rule as the Redis script: an enabled role keeps its place, a new one goes last. */
function toggled(roles: readonly string[], roleId: string, enabled: boolean): string[] {
  if (!enabled) return roles.filter((role) => role !== roleId);
  return roles.includes(roleId) ? [...roles] : [...roles, roleId];
}

/** Index of the first id strictly greater than `id` (ids compare as Redis compares bytes, for ASCII ids). */
function firstAfter(sorted: readonly string[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= id) low = middle + 1;
    else high = middle;
  }
  return low;
}
