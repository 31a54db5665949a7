import { type AccountAdminAdded, type AccountAdminRemoved, BuiltInRoles } from '@gatehouse/contracts';
import { assertNever, type Decider } from '@gatehouse/domain-kit';
import { RoleErrors } from './roles.errors';

/**
 * The account's Account admins, in `role-admins-<accountId>`: as many entries as admins, not users. Every
 * role change by an actor is decided with this stream's version pinned (a command that writes nothing here
 * still fails if it moved), so "only an Account admin manages roles", "the last Account admin keeps the
 * role" and "nobody removes their own" hold under any concurrency.
 */
export type AuthorizeRoleChange = {
  readonly type: 'AuthorizeRoleChange';
  readonly actorId: string;
  /** The Account admin role itself being toggled on `userId`: the admin set changes too. */
  readonly admin?: { readonly userId: string; readonly enabled: boolean };
};

/** New users created with the Account admin role (a bootstrap's first admin, or by an admin). */
export type AddAdmins = { readonly type: 'AddAdmins'; readonly userIds: readonly string[] };

export type AccountAdminsCommand = AuthorizeRoleChange | AddAdmins;
export type AccountAdminsEvent = AccountAdminAdded | AccountAdminRemoved;
export type AccountAdminsState = { readonly admins: ReadonlySet<string> };

function authorize(command: AuthorizeRoleChange, state: AccountAdminsState): AccountAdminsEvent[] {
  if (!state.admins.has(command.actorId)) throw RoleErrors.accountAdminRequired();
  const change = command.admin;
  if (!change || state.admins.has(change.userId) === change.enabled) return [];
  if (change.enabled) return [{ type: 'AccountAdminAdded', data: { userId: change.userId } }];
  // The last admin removing themselves breaks both rules; "last" is the one that names the harm.
  if (state.admins.size <= 1) throw RoleErrors.lastAdmin();
  if (change.userId === command.actorId) throw RoleErrors.ownAdmin();
  return [{ type: 'AccountAdminRemoved', data: { userId: change.userId } }];
}

export const accountAdminsDecider: Decider<AccountAdminsCommand, AccountAdminsState, AccountAdminsEvent> = {
  initialState: () => ({ admins: new Set() }),
  decide: (command, state) => {
    switch (command.type) {
      case 'AuthorizeRoleChange':
        return authorize(command, state);
      case 'AddAdmins':
        return command.userIds
          .filter((userId) => !state.admins.has(userId))
          .map((userId) => ({ type: 'AccountAdminAdded', data: { userId } }));
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    const admins = new Set(state.admins);
    if (event.type === 'AccountAdminAdded') admins.add(event.data.userId);
    else admins.delete(event.data.userId);
    return { admins };
  },
};

/** The admin-set change a toggle of `roleId` brings, if it is the Account admin role. */
export const adminChange = (roleId: string, userId: string, enabled: boolean) =>
  roleId === BuiltInRoles.accountAdmin ? { userId, enabled } : undefined;
