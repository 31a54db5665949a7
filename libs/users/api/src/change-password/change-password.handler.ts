import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@gatehouse/event-store';
import type { Principal } from '@gatehouse/http';
import { PasswordHasher } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';

/**
 * The event is the decision (rules, and every other session ending); the new hash follows it. Should
 * storing the hash fail, the old password still works and the user can simply try again.
 */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    private readonly users: UserCommands,
    private readonly passwords: PasswordHasher,
  ) {}

  async change(
    userId: string,
    principal: Principal,
    passwords: { currentPassword: string; newPassword: string },
    context: CommandContext,
  ): Promise<void> {
    const currentPasswordMatches = await this.passwords.matches(userId, passwords.currentPassword);
    const { passwordPolicy } = await this.users.settings(context.accountId);
    await this.users.run(
      userId,
      {
        type: 'ChangePassword',
        accountId: context.accountId,
        actorId: principal.userId,
        sessionId: principal.sessionId,
        currentPasswordMatches,
        newPassword: passwords.newPassword,
        policy: passwordPolicy,
      },
      context,
    );
    await this.passwords.set(userId, passwords.newPassword);
  }
}
