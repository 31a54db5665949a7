/**
 * Where the published streams live. Stream ids are public: the relay keys Kafka messages by them, and the
 * identity lib reads users' and roles' streams (read-only) to authenticate in every service.
 */
export const userStreamId = (userId: string): string => `user-${userId}`;
export const roleAssignmentsStreamId = (userId: string): string => `role-assignments-${userId}`;
export const roleCatalogStreamId = (accountId: string): string => `role-catalog-${accountId}`;
export const accountAdminsStreamId = (accountId: string): string => `role-admins-${accountId}`;
export const accessStreamId = (userId: string): string => `access-${userId}`;
