import { Injectable } from '@nestjs/common';
import { type CommandContext, EventStore, handleCommand, StateCache } from '@gatehouse/event-store';
import { rolesDecider, rolesStreamId, UserErrors, userDecider, userStreamId } from '@gatehouse/users-domain';

export interface ToggleRoleInput {
  readonly accountId: string;
  readonly userId: string;
  readonly roleId: string;
  readonly enabled: boolean;
}

/**
 * Toggles a role on a user of the account. The user must exist in this account (users are never
 * removed from their stream, so checking first cannot race); the roles rules, the actor's own Account
 * admin role included, are decided on the version of the roles stream the toggle appends to.
 */
@Injectable()
export class ToggleRoleHandler {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  async handle(input: ToggleRoleInput, context: CommandContext): Promise<{ version: number }> {
    const { state: user } = await this.states.load(userStreamId(input.userId), userDecider);
    if (user.status === 'none' || user.accountId !== input.accountId) throw UserErrors.notFound();
    const command = { type: 'ToggleRole' as const, actorId: context.actor, ...input };
    const result = await handleCommand(
      this.store,
      rolesStreamId(input.accountId),
      rolesDecider,
      command,
      context,
      {
        cache: this.states,
        retries: 10,
      },
    );
    return { version: result.version };
  }
}
