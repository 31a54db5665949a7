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
