import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { RoleErrors } from '@gatehouse/roles-domain';
import { RoleCommands, type RoleToggle } from '../role-commands';

/**
 * Toggles a role on a user of the account. The user must exist in this account (users are never
 * removed from their stream, so checking first cannot race); the roles rules, the actor's own Account
 * admin role included, are decided on the versions of the streams the toggle appends to.
 */
@Injectable()
export class ToggleRoleHandler {
  constructor(
    private readonly grants: Grants,
    private readonly roles: RoleCommands,
  ) {}

  async handle(input: RoleToggle, context: CommandContext): Promise<{ version: number }> {
    const user = await this.grants.user(input.userId, 'request');
    if (!user.exists || user.accountId !== input.accountId) throw RoleErrors.userNotFound();
    return { version: await this.roles.toggle(input, context) };
  }
}
