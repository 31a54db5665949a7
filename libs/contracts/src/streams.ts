/**
 * Where the published streams live. Stream ids are public: the relay keys Kafka messages by them, and the
 * identity lib reads users' and roles' streams (read-only) to authenticate in every service.
 */
export const userStreamId = (userId: string): string => `user-${userId}`;
export const roleAssignmentsStreamId = (userId: string): string => `role-assignments-${userId}`;
export const roleCatalogStreamId = (accountId: string): string => `role-catalog-${accountId}`;
export const accountAdminsStreamId = (accountId: string): string => `role-admins-${accountId}`;
export const accountStreamId = (accountId: string): string => `account-${accountId}`;
export const accessStreamId = (userId: string): string => `access-${userId}`;
export const refusalsStreamId = (userId: string): string => `refusals-${userId}`;

/**
 * Which service appends to which streams (by id prefix): each service binds its store with its own list
 * (`ownedStreams`), so an append to another context's stream fails. `roles-` (before 2026-12) is history
 * only: nobody appends there any more.
 */
export const StreamOwners = {
  users: ['user-', 'username-', 'account-'],
  roles: ['role-'],
  invites: ['invite-'],
  access: ['access-'],
  /**
   * The shared edge (identity lib), which every service runs: a refusal of a known user's credential is
   * recorded by whichever service refused it, so each service binds its store with this row beside its
   * own. Nothing else is ever appended there, and no context's own streams share the prefix.
   */
  edge: ['refusals-'],
} as const satisfies Record<string, readonly string[]>;
