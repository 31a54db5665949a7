import { BuiltInRoles, type Permission, type RolesEvent } from '@gatehouse/contracts';
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
 * An account's role catalog (custom roles) and every user's assignments live in one stream,
 * `roles-<accountId>`: the rules that span users ("the last Account admin keeps the role", "only an
 * Account admin toggles") are checked against one consistent version, actor included.
 */
export type ToggleRole = {
  readonly type: 'ToggleRole';
  readonly actorId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
};

/** Roles a new user starts with: granted in the same atomic append that creates the user. */
export type GrantRoles = {
  readonly type: 'GrantRoles';
  readonly userId: string;
  readonly roleIds: readonly string[];
};

/** `roleId` is new (`custom-<uuid>`), made by the caller: no id generation in the domain. */
export type DefineRole = {
  readonly type: 'DefineRole';
  readonly actorId: string;
  readonly roleId: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
};

export type RolesCommand = ToggleRole | GrantRoles | DefineRole;

export type RolesState = {
  readonly assignments: ReadonlyMap<string, ReadonlySet<string>>;
  readonly customRoles: ReadonlyMap<string, RoleDefinition>;
};

export const rolesOf = (state: RolesState, userId: string): ReadonlySet<string> =>
  state.assignments.get(userId) ?? new Set();

export const isAccountAdmin = (state: RolesState, userId: string): boolean =>
  rolesOf(state, userId).has(BuiltInRoles.accountAdmin);

/** Built-in roles first, then custom roles in the order they were defined. */
export const catalogOf = (state: RolesState): readonly RoleDefinition[] => [
  ...builtInRoles,
  ...state.customRoles.values(),
];

export const roleOf = (state: RolesState, roleId: string): RoleDefinition | undefined =>
  builtInRoles.find((role) => role.id === roleId) ?? state.customRoles.get(roleId);

/** What a user may do: the union of their roles' permissions, resolved on the same state as the roles. */
export function permissionsOf(state: RolesState, userId: string): ReadonlySet<Permission> {
  const held = [...rolesOf(state, userId)].flatMap((roleId) => roleOf(state, roleId)?.permissions ?? []);
  return new Set(held);
}

function grant(command: GrantRoles, state: RolesState): RolesEvent[] {
  const unknown = command.roleIds.filter((roleId) => !roleOf(state, roleId));
  if (unknown.length > 0) throw RoleErrors.unknownRoles([...new Set(unknown)]);
  const held = rolesOf(state, command.userId);
  return [...new Set(command.roleIds)]
    .filter((roleId) => !held.has(roleId))
    .map((roleId) => ({ type: 'RoleToggled', data: { userId: command.userId, roleId, enabled: true } }));
}

function toggle(command: ToggleRole, state: RolesState): RolesEvent[] {
  if (!isAccountAdmin(state, command.actorId)) throw RoleErrors.accountAdminRequired();
  if (!roleOf(state, command.roleId)) throw RoleErrors.roleNotFound();
  if (rolesOf(state, command.userId).has(command.roleId) === command.enabled) return [];
  if (!command.enabled && command.roleId === BuiltInRoles.accountAdmin) {
    // The last admin removing themselves breaks both rules; "last" is the one that names the harm.
    const admins = [...state.assignments.values()].filter((roles) => roles.has(BuiltInRoles.accountAdmin));
    if (admins.length <= 1) throw RoleErrors.lastAdmin();
    if (command.userId === command.actorId) throw RoleErrors.ownAdmin();
  }
  const { userId, roleId, enabled } = command;
  return [{ type: 'RoleToggled', data: { userId, roleId, enabled } }];
}

function define(command: DefineRole, state: RolesState): RolesEvent[] {
  if (!isAccountAdmin(state, command.actorId)) throw RoleErrors.accountAdminRequired();
  if (roleOf(state, command.roleId)) throw RoleErrors.roleAlreadyExists();
  const name = command.name.trim();
  if (name.length === 0 || [...name].length > ROLE_NAME_MAX_LENGTH) throw RoleErrors.nameInvalid();
  if (catalogOf(state).some((role) => roleNameKey(role.name) === roleNameKey(name)))
    throw RoleErrors.nameTaken();
  const reserved = canonicalPermissions(command.permissions).filter((p) => adminOnlyPermissions.has(p));
  if (reserved.length > 0) throw RoleErrors.permissionNotDelegable(reserved);
  const permissions = canonicalPermissions(command.permissions);
  return [{ type: 'RoleDefined', data: { roleId: command.roleId, name, permissions } }];
}

function evolve(state: RolesState, event: RolesEvent): RolesState {
  switch (event.type) {
    case 'RoleToggled': {
      const { userId, roleId, enabled } = event.data;
      const roles = new Set(rolesOf(state, userId));
      if (enabled) roles.add(roleId);
      else roles.delete(roleId);
      return { ...state, assignments: new Map(state.assignments).set(userId, roles) };
    }
    case 'RoleDefined': {
      const { roleId, name, permissions } = event.data;
      const role: RoleDefinition = { id: roleId, name, builtIn: false, permissions };
      return { ...state, customRoles: new Map(state.customRoles).set(roleId, role) };
    }
    default:
      return assertNever(event);
  }
}

export const rolesDecider: Decider<RolesCommand, RolesState, RolesEvent> = {
  initialState: () => ({ assignments: new Map(), customRoles: new Map() }),
  decide(command, state) {
    switch (command.type) {
      case 'GrantRoles':
        return grant(command, state);
      case 'ToggleRole':
        return toggle(command, state);
      case 'DefineRole':
        return define(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve,
};

export const rolesStreamId = (accountId: string): string => `roles-${accountId}`;
