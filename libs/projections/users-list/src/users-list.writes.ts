import type { UserFields } from './user-row';

/**
 * The event a write came from. Adapters keep, per row and per source stream, the last position
 * applied and skip anything at or below it: that is what makes redelivery harmless.
 */
export interface WriteSource {
  readonly streamId: string;
  readonly streamPosition: number;
}

/** Sets columns of a user's row. A row is listed once some write has set its `createdAt`. */
export interface UpsertUser {
  readonly kind: 'upsert-user';
  readonly accountId: string;
  readonly userId: string;
  readonly fields: Partial<UserFields>;
  readonly source: WriteSource;
}

/** Grants or withdraws one role; kept even when the user's row is not created yet. */
export interface ToggleRole {
  readonly kind: 'toggle-role';
  readonly accountId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
  readonly source: WriteSource;
}

export type UsersListWrite = UpsertUser | ToggleRole;
