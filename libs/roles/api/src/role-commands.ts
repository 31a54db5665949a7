import { Injectable } from '@nestjs/common';
import {
  accountAdminsStreamId,
  BuiltInRoles,
  roleAssignmentsStreamId,
  roleCatalogStreamId,
} from '@gatehouse/contracts';
import {
  type CommandContext,
  type CommandStep,
  EventStore,
  handleCommands,
  StateCache,
  step,
} from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { catalogOf } from '@gatehouse/identity-domain';
import {
  accountAdminsDecider,
  adminChange,
  type DefineRole,
  roleAssignmentsDecider,
  roleCatalogDecider,
} from '@gatehouse/roles-domain';

export interface RoleToggle {
  readonly accountId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
}

/**
 * The roles context's writes over its three streams — the account's catalog, each user's assignments, the
 * account's admins — decided on states caught up through the cache. Reads go through Grants, as every
 * service's authentication does.
 */
@Injectable()
export class RoleCommands {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
    private readonly grants: Grants,
  ) {}

  /**
   * Every role id of the account's catalog, built-in ones included; in a request, from the catalog its
   * caller's permissions were read from, with no second read of it.
   */
  private async knownRoles(accountId: string): Promise<ReadonlySet<string>> {
    const { state } = await this.grants.catalog(accountId, 'request');
    return new Set(catalogOf(state).map((role) => role.id));
  }

  /**
   * A new user's first roles, with the account's admins when Account admin is among them. Granting what
   * the user already holds appends nothing, so a grant repeated after a crash is harmless.
   */
  async grantInitial(
    accountId: string,
    userId: string,
    roleIds: readonly string[],
    context: CommandContext,
  ): Promise<void> {
    const known = await this.knownRoles(accountId);
    const steps: CommandStep[] = [
      step(roleAssignmentsStreamId(userId), roleAssignmentsDecider, {
        type: 'GrantRoles',
        userId,
        roleIds,
        known,
      }),
    ];
    if (roleIds.includes(BuiltInRoles.accountAdmin)) {
      steps.push(
        step(accountAdminsStreamId(accountId), accountAdminsDecider, {
          type: 'AddAdmins',
          userIds: [userId],
        }),
      );
    }
    await handleCommands(this.store, steps, context);
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
          { cache: this.states, firstTry: 'request' },
        ),
        step(
          roleAssignmentsStreamId(userId),
          roleAssignmentsDecider,
          { type: 'ToggleRole', userId, roleId, enabled, known },
          { cache: this.states, firstTry: 'request' },
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
          { cache: this.states },
        ),
        step(roleCatalogStreamId(accountId), roleCatalogDecider, command, { cache: this.states }),
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
