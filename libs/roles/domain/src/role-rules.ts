import { type Permission, Permissions } from '@gatehouse/contracts';

/**
 * Permissions only the Account admin role carries: the product lets only an Account admin toggle roles
 * and edit others' access controls, so no custom role may bundle them.
 */
export const adminOnlyPermissions: ReadonlySet<Permission> = new Set<Permission>([
  'roles:manage',
  'access:manage',
]);

export const ROLE_NAME_MAX_LENGTH = 60;

/** Names are unique per account regardless of case and spacing: "Billing  Team" clashes with "billing team". */
export const roleNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Permissions in their canonical order, each once. */
export const canonicalPermissions = (permissions: readonly Permission[]): Permission[] =>
  Permissions.filter((permission) => permissions.includes(permission));
