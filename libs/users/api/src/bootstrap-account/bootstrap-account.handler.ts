import { Injectable } from '@nestjs/common';
import { BuiltInRoles, type UserProfile } from '@gatehouse/contracts';
import { EventStore, handleCommand } from '@gatehouse/event-store';
import { accountDecider, accountStreamId } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '../command-context';
import { CreateUserHandler } from '../create-user/create-user.handler';
import { PasswordHasher } from '../password-hasher';

/**
 * Opens an account with its first Account admin. The account's own event comes last: an account exists
 * once AccountCreated is stored, and by then its admin, their password and their role exist too.
 */
@Injectable()
export class BootstrapAccountHandler {
  constructor(
    private readonly store: EventStore,
    private readonly users: CreateUserHandler,
    private readonly passwords: PasswordHasher,
  ) {}

  async handle(
    input: { name: string; admin: UserProfile; password: string },
    context: RequestContext,
  ): Promise<{ accountId: string; adminUserId: string }> {
    const accountId = uuidv7();
    const scoped = { ...context, accountId };
    const { userId } = await this.users.handle(
      { accountId, profile: input.admin, roles: [BuiltInRoles.accountAdmin] },
      scoped,
      (newUserId) => this.passwords.set(newUserId, input.password),
    );
    await handleCommand(
      this.store,
      accountStreamId(accountId),
      accountDecider,
      { type: 'CreateAccount', accountId, name: input.name, firstAdminId: userId },
      scoped,
    );
    return { accountId, adminUserId: userId };
  }
}
