import { BuiltInRoles, type Permission, Permissions } from '@gatehouse/contracts';

/** A role of an account's catalog: a named bundle of permissions. */
export interface RoleDefinition {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly permissions: readonly Permission[];
}

const builtIn = (id: string, name: string, permissions: readonly Permission[]): RoleDefinition => ({
  id,
  name,
  builtIn: true,
  permissions,
});

/** Roles every account has from the start; the matrix is documented in docs/permissions.md. */
export const builtInRoles: readonly RoleDefinition[] = [
  builtIn(BuiltInRoles.accountAdmin, 'Account admin', Permissions),
  builtIn('user-manager', 'User manager', ['users:read', 'users:manage']),
  builtIn('support', 'Support', ['users:read']),
  builtIn('developer', 'Developer', []),
  builtIn('analyst', 'Analyst', []),
];

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
