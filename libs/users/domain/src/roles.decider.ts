import { BuiltInRoles, type RolesEvent } from '@gatehouse/contracts';
import { type Decider, DomainError } from '@gatehouse/domain-kit';

/**
 * The role assignments of one account live in one stream, `roles-<accountId>`, so rules that span users
 * ("the last Account admin keeps the role") are checked against one consistent version.
 */
export type ToggleRole = {
  readonly type: 'ToggleRole';
  readonly actorId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
};

/** Roles a new user starts with: granted in the same request that creates the user. */
export type GrantRoles = {
  readonly type: 'GrantRoles';
  readonly userId: string;
  readonly roleIds: readonly string[];
};

export type RolesCommand = ToggleRole | GrantRoles;

export type RolesState = { readonly assignments: ReadonlyMap<string, ReadonlySet<string>> };

export const RoleErrors = {
  lastAdmin: () =>
    new DomainError(
      'LAST_ACCOUNT_ADMIN',
      'conflict',
      'the last Account admin of an account cannot lose the role',
    ),
  ownAdmin: () =>
    new DomainError(
      'OWN_ACCOUNT_ADMIN',
      'forbidden',
      'nobody removes their own Account admin role',
      'roleId',
    ),
};

export const rolesOf = (state: RolesState, userId: string): ReadonlySet<string> =>
  state.assignments.get(userId) ?? new Set();

export const isAccountAdmin = (state: RolesState, userId: string): boolean =>
  rolesOf(state, userId).has(BuiltInRoles.accountAdmin);

export const rolesDecider: Decider<RolesCommand, RolesState, RolesEvent> = {
  initialState: () => ({ assignments: new Map() }),
  decide(command, state) {
    if (command.type === 'GrantRoles') {
      const held = rolesOf(state, command.userId);
      return [...new Set(command.roleIds)]
        .filter((roleId) => !held.has(roleId))
        .map((roleId) => ({ type: 'RoleToggled', data: { userId: command.userId, roleId, enabled: true } }));
    }
    const held = rolesOf(state, command.userId).has(command.roleId);
    if (held === command.enabled) return [];
    if (!command.enabled && command.roleId === BuiltInRoles.accountAdmin) {
      if (command.userId === command.actorId) throw RoleErrors.ownAdmin();
      const admins = [...state.assignments.values()].filter((roles) => roles.has(BuiltInRoles.accountAdmin));
      if (admins.length <= 1) throw RoleErrors.lastAdmin();
    }
    const { userId, roleId, enabled } = command;
    return [{ type: 'RoleToggled', data: { userId, roleId, enabled } }];
  },
  evolve(state, event) {
    const { userId, roleId, enabled } = event.data;
    const roles = new Set(rolesOf(state, userId));
    if (enabled) roles.add(roleId);
    else roles.delete(roleId);
    const assignments = new Map(state.assignments);
    assignments.set(userId, roles);
    return { assignments };
  },
};

export const rolesStreamId = (accountId: string): string => `roles-${accountId}`;
