import type { RoleToggled } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { type RoleAssignmentsState, roleAssignmentsView } from '@gatehouse/identity-domain';
import { RoleErrors } from './roles.errors';

/**
 * One user's roles, in `role-assignments-<userId>`: a toggle, the user's roles and so a permission check
 * read this stream only, whatever the size of the account. Whether a role exists is a fact from the
 * account's catalog (`known`): roles are never removed from it, so reading it first cannot race. Who may
 * toggle, and the rules over all admins, are the admins stream's, appended in the same write.
 */
export type GrantRoles = {
  readonly type: 'GrantRoles';
  readonly userId: string;
  readonly roleIds: readonly string[];
  readonly known: ReadonlySet<string>;
};

export type ToggleRole = {
  readonly type: 'ToggleRole';
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
  readonly known: ReadonlySet<string>;
};

export type RoleAssignmentsCommand = GrantRoles | ToggleRole;

function grant(command: GrantRoles, state: RoleAssignmentsState): RoleToggled[] {
  const unknown = [...new Set(command.roleIds.filter((roleId) => !command.known.has(roleId)))];
  if (unknown.length > 0) throw RoleErrors.unknownRoles(unknown);
  return [...new Set(command.roleIds)]
    .filter((roleId) => !state.roles.has(roleId))
    .map((roleId) => ({ type: 'RoleToggled', data: { userId: command.userId, roleId, enabled: true } }));
}

function toggle(command: ToggleRole, state: RoleAssignmentsState): RoleToggled[] {
  if (!command.known.has(command.roleId)) throw RoleErrors.roleNotFound();
  if (state.roles.has(command.roleId) === command.enabled) return [];
  const { userId, roleId, enabled } = command;
  return [{ type: 'RoleToggled', data: { userId, roleId, enabled } }];
}

export const roleAssignmentsDecider: Decider<RoleAssignmentsCommand, RoleAssignmentsState, RoleToggled> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'GrantRoles':
        return grant(command, state);
      case 'ToggleRole':
        return toggle(command, state);
      default:
        return assertNever(command);
    }
  },
  ...roleAssignmentsView,
};
