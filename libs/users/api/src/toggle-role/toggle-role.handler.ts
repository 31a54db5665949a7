import { Injectable } from '@nestjs/common';
import { type CommandContext, StateCache } from '@gatehouse/event-store';
import { UserErrors, userDecider, userStreamId } from '@gatehouse/users-domain';
import { AccountRoles, type RoleToggle } from '../roles/account-roles';

/**
 * Toggles a role on a user of the account. The user must exist in this account (users are never
 * removed from their stream, so checking first cannot race); the roles rules, the actor's own Account
 * admin role included, are decided on the versions of the streams the toggle appends to.
 */
@Injectable()
export class ToggleRoleHandler {
  constructor(
    private readonly states: StateCache,
    private readonly roles: AccountRoles,
  ) {}

  async handle(input: RoleToggle, context: CommandContext): Promise<{ version: number }> {
    const { state: user } = await this.states.load(userStreamId(input.userId), userDecider);
    if (user.status === 'none' || user.accountId !== input.accountId) throw UserErrors.notFound();
    return { version: await this.roles.toggle(input, context) };
  }
}
