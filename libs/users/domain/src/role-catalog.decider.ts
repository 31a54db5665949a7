import type { Permission, RoleDefined } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import {
  adminOnlyPermissions,
  builtInRoles,
  canonicalPermissions,
  ROLE_NAME_MAX_LENGTH,
  type RoleDefinition,
  roleNameKey,
} from './roles.catalog';
import { RoleErrors } from './roles.errors';

/**
 * An account's custom roles, in `role-catalog-<accountId>`: a handful of definitions, never removed, so
 * a role found here once stays found. Who may define one is the admins stream's rule (account-admins).
 */
export type DefineRole = {
  readonly type: 'DefineRole';
  /** New (`custom-<uuid>`), made by the caller: no id generation in the domain. */
  readonly roleId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
};

export type RoleCatalogState = { readonly customRoles: ReadonlyMap<string, RoleDefinition> };

/** Built-in roles first, then custom roles in the order they were defined. */
export const catalogOf = (state: RoleCatalogState): readonly RoleDefinition[] => [
  ...builtInRoles,
  ...state.customRoles.values(),
];

export const roleOf = (state: RoleCatalogState, roleId: string): RoleDefinition | undefined =>
  builtInRoles.find((role) => role.id === roleId) ?? state.customRoles.get(roleId);

/** What holding `roles` allows: the union of their permissions in this catalog. */
export function permissionsOf(state: RoleCatalogState, roles: ReadonlySet<string>): ReadonlySet<Permission> {
  return new Set([...roles].flatMap((roleId) => roleOf(state, roleId)?.permissions ?? []));
}

function define(command: DefineRole, state: RoleCatalogState): RoleDefined[] {
  if (roleOf(state, command.roleId)) throw RoleErrors.roleAlreadyExists();
  const name = command.name.trim();
  if (name.length === 0 || [...name].length > ROLE_NAME_MAX_LENGTH) throw RoleErrors.nameInvalid();
  if (catalogOf(state).some((role) => roleNameKey(role.name) === roleNameKey(name)))
    throw RoleErrors.nameTaken();
  const permissions = canonicalPermissions(command.permissions);
  const reserved = permissions.filter((permission) => adminOnlyPermissions.has(permission));
  if (reserved.length > 0) throw RoleErrors.permissionNotDelegable(reserved);
  return [{ type: 'RoleDefined', data: { roleId: command.roleId, name, permissions } }];
}

export const roleCatalogDecider: Decider<DefineRole, RoleCatalogState, RoleDefined> = {
  initialState: () => ({ customRoles: new Map() }),
  decide: (command, state) => {
    switch (command.type) {
      case 'DefineRole':
        return define(command, state);
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => {
    const { roleId, name, permissions } = event.data;
    const role: RoleDefinition = { id: roleId, name, builtIn: false, permissions };
    return { customRoles: new Map(state.customRoles).set(roleId, role) };
  },
};

export const roleCatalogStreamId = (accountId: string): string => `role-catalog-${accountId}`;
