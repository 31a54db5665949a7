import type { Permission, RoleDefined } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { catalogOf, type RoleCatalogState, roleCatalogView, roleOf } from '@gatehouse/identity-domain';
import { adminOnlyPermissions, canonicalPermissions, ROLE_NAME_MAX_LENGTH, roleNameKey } from './role-rules';
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
  decide: (command, state) => {
    switch (command.type) {
      case 'DefineRole':
        return define(command, state);
      default:
        return assertNever(command.type);
    }
  },
  ...roleCatalogView,
};
