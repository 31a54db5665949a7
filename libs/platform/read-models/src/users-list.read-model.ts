import type { UserFields, UserRow, UsersListWrite } from '@gatehouse/users-list';

export interface ListOptions {
  /** The `nextCursor` of the previous page; absent for the first page. Opaque to callers. */
  readonly cursor?: string;
  readonly limit: number;
}

export interface Page<T> {
  readonly items: T[];
  /** Null when this page is the last one. */
  readonly nextCursor: string | null;
}

/**
 * Port: the users list of each account, fed by users-list projection writes.
 * - apply() is idempotent per row and source stream: a write at or below the last position applied
 *   from its stream to that row is skipped, and the check and the write are one atomic step.
 * - Roles toggled before the user's UserCreated arrives are kept; only created users are listed,
 *   counted or returned by get().
 * - list() runs in userId order (creation order, as user ids are UUIDv7), never across accounts.
 */
export abstract class UsersListReadModel {
  abstract apply(writes: readonly UsersListWrite[]): Promise<void>;
  abstract list(accountId: string, options: ListOptions): Promise<Page<UserRow>>;
  abstract get(accountId: string, userId: string): Promise<UserRow | null>;
  abstract count(accountId: string): Promise<number>;
  /** Forgets every row of every account: the first step of a rebuild. */
  abstract clear(): Promise<void>;
  abstract close(): Promise<void>;
}

/** Bounds one page, so one list() call stays one modest round trip on every adapter. */
export const maxListLimit = 1000;

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxListLimit) {
    throw new RangeError(`list limit must be an integer from 1 to ${maxListLimit}, got ${limit}`);
  }
}

/** A stored row as a UserRow, or null while only roles have arrived for it (no UserCreated yet). */
export function toUserRow(id: string, fields: Partial<UserFields>, roles: readonly string[]): UserRow | null {
  if (fields.createdAt === undefined) return null;
  // Every UserCreated sets all fields, so a row with createdAt is complete.
  return { ...(fields as UserFields), id, roles: [...roles] };
}
