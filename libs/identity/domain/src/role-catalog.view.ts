import type { Permission, RoleDefined } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { builtInRoles, type RoleDefinition } from './role-definitions';

/** An account's custom roles (`role-catalog-<accountId>`): a handful of definitions, never removed. */
export type RoleCatalogState = { readonly customRoles: ReadonlyMap<string, RoleDefinition> };

export const roleCatalogView: View<RoleCatalogState, RoleDefined> = {
  initialState: () => ({ customRoles: new Map() }),
  evolve: (state, event) => {
    const { roleId, name, permissions } = event.data;
    const role: RoleDefinition = { id: roleId, name, builtIn: false, permissions };
    return { customRoles: new Map(state.customRoles).set(roleId, role) };
  },
};

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
