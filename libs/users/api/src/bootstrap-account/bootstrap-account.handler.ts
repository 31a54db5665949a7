import { Injectable } from '@nestjs/common';
import { BuiltInRoles, type UserProfile } from '@gatehouse/contracts';
import { step } from '@gatehouse/event-store';
import {
  accountDecider,
  accountStreamId,
  assertPasswordPolicy,
  defaultAccountSettings,
} from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import type { RequestContext } from '@gatehouse/identity';
import { CreateUserHandler } from '../create-user/create-user.handler';
import { PasswordHasher } from '@gatehouse/identity';

/**
 * Opens an account with its first Account admin: the account, the admin's username and user are one
 * atomic append (the roles context then grants the role), and the admin's password hash is stored just
 * before it.
 */
@Injectable()
export class BootstrapAccountHandler {
  constructor(
    private readonly users: CreateUserHandler,
    private readonly passwords: PasswordHasher,
  ) {}

  async handle(
    input: { name: string; admin: UserProfile; password: string },
    context: RequestContext,
  ): Promise<{ accountId: string; adminUserId: string }> {
    // A new account starts with the default policy: its first admin's password must already meet it.
    assertPasswordPolicy(input.password, defaultAccountSettings.passwordPolicy, 'admin.password');
    const accountId = uuidv7();
    const scoped = { ...context, accountId };
    const { userId } = await this.users.handle(
      { accountId, profile: input.admin, roles: [BuiltInRoles.accountAdmin] },
      scoped,
      {
        withCredentials: (newUserId) => this.passwords.set(newUserId, input.password),
        alongside: (newUserId) => [
          step(accountStreamId(accountId), accountDecider, {
            type: 'CreateAccount',
            accountId,
            name: input.name,
            firstAdminId: newUserId,
          }),
        ],
      },
    );
    return { accountId, adminUserId: userId };
  }
}
