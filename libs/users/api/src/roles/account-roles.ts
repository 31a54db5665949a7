import { Injectable } from '@nestjs/common';
import { BuiltInRoles, type Permission } from '@gatehouse/contracts';
import {
  type CommandContext,
  type CommandStep,
  EventStore,
  handleCommands,
  StateCache,
  step,
} from '@gatehouse/event-store';
import {
  accountAdminsDecider,
  accountAdminsStreamId,
  adminChange,
  catalogOf,
  type DefineRole,
  permissionsOf,
  roleAssignmentsDecider,
  roleAssignmentsStreamId,
  roleCatalogDecider,
  roleCatalogStreamId,
  type RoleCatalogState,
} from '@gatehouse/users-domain';

export interface RoleToggle {
  readonly accountId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
}

/**
 * The roles use cases over their three streams — the account's catalog, each user's assignments, the
 * account's admins — read through the caught-up state cache. Nothing here reads more than one user's
 * assignments, so a toggle and a permission check cost the same in an account of ten users or a million.
 */
@Injectable()
export class AccountRoles {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  catalog(accountId: string): Promise<{ state: RoleCatalogState; version: number }> {
    return this.states.load(roleCatalogStreamId(accountId), roleCatalogDecider);
  }

  async rolesOf(userId: string): Promise<{ roles: ReadonlySet<string>; version: number }> {
    const { state, version } = await this.states.load(
      roleAssignmentsStreamId(userId),
      roleAssignmentsDecider,
    );
    return { roles: state.roles, version };
  }

  /** A user's roles and, from the same reads, what they allow. */
  async grantsOf(
    accountId: string,
    userId: string,
  ): Promise<{ roles: ReadonlySet<string>; permissions: ReadonlySet<Permission> }> {
    const [{ roles }, { state }] = await Promise.all([this.rolesOf(userId), this.catalog(accountId)]);
    return { roles, permissions: permissionsOf(state, roles) };
  }

  /** Every role id of the account's catalog, built-in ones included. */
  private async knownRoles(accountId: string): Promise<ReadonlySet<string>> {
    return new Set(catalogOf((await this.catalog(accountId)).state).map((role) => role.id));
  }

  /** The steps granting a new user its first roles, to commit with whatever creates the user. */
  async grantSteps(accountId: string, userId: string, roleIds: readonly string[]): Promise<CommandStep[]> {
    if (roleIds.length === 0) return [];
    const known = await this.knownRoles(accountId);
    const assignments = step(roleAssignmentsStreamId(userId), roleAssignmentsDecider, {
      type: 'GrantRoles',
      userId,
      roleIds,
      known,
    });
    if (!roleIds.includes(BuiltInRoles.accountAdmin)) return [assignments];
    const admins = step(accountAdminsStreamId(accountId), accountAdminsDecider, {
      type: 'AddAdmins',
      userIds: [userId],
    });
    return [assignments, admins];
  }

  /** Decided on the admins stream's version (the actor's right, the last-admin rule) and the user's. */
  async toggle(toggle: RoleToggle, context: CommandContext): Promise<number> {
    const { accountId, userId, roleId, enabled } = toggle;
    const known = await this.knownRoles(accountId);
    const versions = await handleCommands(
      this.store,
      [
        step(
          accountAdminsStreamId(accountId),
          accountAdminsDecider,
          {
            type: 'AuthorizeRoleChange',
            actorId: context.actor,
            admin: adminChange(roleId, userId, enabled),
          },
          this.states,
        ),
        step(
          roleAssignmentsStreamId(userId),
          roleAssignmentsDecider,
          { type: 'ToggleRole', userId, roleId, enabled, known },
          this.states,
        ),
      ],
      context,
    );
    return versions.get(roleAssignmentsStreamId(userId)) ?? -1;
  }

  async define(accountId: string, command: DefineRole, context: CommandContext): Promise<number> {
    const versions = await handleCommands(
      this.store,
      [
        step(
          accountAdminsStreamId(accountId),
          accountAdminsDecider,
          { type: 'AuthorizeRoleChange', actorId: context.actor },
          this.states,
        ),
        step(roleCatalogStreamId(accountId), roleCatalogDecider, command, this.states),
      ],
      context,
    );
    return versions.get(roleCatalogStreamId(accountId)) ?? -1;
  }
}

/**
 * The ETag of a roles stream: how many changes it has had. A catalog without custom roles or a user
 * without roles has no stream yet (version -1) and still gets a tag that a later change moves.
 */
export const rolesTag = (version: number): string => `"${version + 1}"`;
