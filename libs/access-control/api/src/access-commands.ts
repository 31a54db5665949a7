import { Injectable } from '@nestjs/common';
import { accessStreamId } from '@gatehouse/contracts';
import { type AccessCommand, AccessErrors, accessDecider } from '@gatehouse/access-control-domain';
import {
  type CommandContext,
  EventStore,
  type Handled,
  handleCommand,
  StateCache,
} from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import type { AccessState, PrincipalUser } from '@gatehouse/identity-domain';

/**
 * The access-control context's one write path: a user's `access-<userId>` stream, decided on the state
 * the identity lib enforces (caught up through the shared cache). The user must be of the account: users
 * are never removed from their stream, so checking first cannot race.
 */
@Injectable()
export class AccessCommands {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
    private readonly grants: Grants,
  ) {}

  async assertUserOf(accountId: string, userId: string): Promise<void> {
    await this.userOf(accountId, userId);
  }

  /** The user as authentication reads them (404 for a user of another account). */
  private async userOf(accountId: string, userId: string): Promise<KnownUser> {
    const user = await this.grants.user(userId);
    if (!user.exists || user.accountId !== accountId) throw AccessErrors.userNotFound();
    return user;
  }

  /** The user's access controls as they are now (404 for a user of another account). */
  async read(accountId: string, userId: string): Promise<{ state: AccessState; version: number }> {
    await this.assertUserOf(accountId, userId);
    return this.grants.access(userId);
  }

  /** `command` may be made from the user as authentication reads them, from the same read as the check. */
  async run(
    userId: string,
    command: AccessCommand | ((user: KnownUser) => AccessCommand),
    context: CommandContext,
  ): Promise<Handled<AccessState>> {
    const user = await this.userOf(context.accountId, userId);
    const decided = typeof command === 'function' ? command(user) : command;
    return handleCommand(this.store, accessStreamId(userId), accessDecider, decided, context, {
      cache: this.states,
    });
  }
}

type KnownUser = Extract<PrincipalUser, { exists: true }>;

/** The ETag of a user's access controls: how many changes they have had (-1: none yet). */
export const accessTag = (version: number): string => `"${version + 1}"`;
