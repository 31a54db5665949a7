import { Injectable } from '@nestjs/common';
import type { InvitedUserRequest } from '@gatehouse/contracts';
import type { CommandContext } from '@gatehouse/event-store';
import { assertPasswordPolicy } from '@gatehouse/users-domain';
import { CreateUserHandler } from '../create-user/create-user.handler';
import { PasswordHasher } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';

/**
 * The user an invitee becomes, created by the users context (docs/adr/20261201-accept-invite-creates-user-
 * over-an-internal-call.md). The user's id is the invite's: a call repeated after a crash or a timeout
 * finds the user the first one made and answers with it, so the invite is never turned into two users.
 * Answers once the user can log in with the invite's roles (the create waits for the roles grant).
 */
@Injectable()
export class CreateInvitedUserHandler {
  constructor(
    private readonly create: CreateUserHandler,
    private readonly users: UserCommands,
    private readonly passwords: PasswordHasher,
  ) {}

  async handle(request: InvitedUserRequest, context: CommandContext): Promise<{ userId: string }> {
    const { inviteId, password, roles, accessControls, ...details } = request;
    const userId = inviteId;
    if ((await this.users.user(userId)).status !== 'none') return this.existing(userId);
    assertPasswordPolicy(password, (await this.users.settings(context.accountId)).passwordPolicy, 'password');
    try {
      await this.create.handle(
        {
          accountId: context.accountId,
          profile: { ...details, mobile: null },
          roles,
          userId,
          invite: { inviteId, accessControls },
        },
        context,
        { withCredentials: (id) => this.passwords.set(id, password) },
      );
    } catch (error) {
      // A racing call with the same invite created it first (its username or its user stream refused
      // this one): same user, same answer.
      if ((await this.users.user(userId)).status !== 'none') return this.existing(userId);
      throw error;
    }
    return { userId };
  }

  private async existing(userId: string): Promise<{ userId: string }> {
    await this.create.grantOf(userId);
    return { userId };
  }
}
