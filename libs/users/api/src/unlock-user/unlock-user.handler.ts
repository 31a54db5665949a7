import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@gatehouse/event-store';
import { userDecider, type UnlockUser } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import { UserNotifications } from '../notifications/user-notifications';
import { PasswordResetConfig } from '../password-reset/password-reset.config';
import { PasswordResets } from '../password-reset/password-resets';
import { UserCommands } from '../user-commands';

/**
 * Unlocks and emails a single-use reset link. The command is judged before the token is stored, so a
 * refused unlock never replaces a reset link the user already has; the events carry no token.
 */
@Injectable()
export class UnlockUserHandler {
  constructor(
    private readonly users: UserCommands,
    private readonly resets: PasswordResets,
    private readonly notifications: UserNotifications,
    private readonly config: PasswordResetConfig,
  ) {}

  async unlock(userId: string, context: CommandContext): Promise<void> {
    const expiresAt = new Date(context.now.getTime() + this.config.ttlMinutes * 60_000).toISOString();
    const command: UnlockUser = {
      type: 'UnlockUser',
      accountId: context.accountId,
      resetId: uuidv7(),
      expiresAt,
    };
    userDecider.decide(command, await this.users.user(userId));
    const token = await this.resets.issue(userId, command.resetId, expiresAt);
    const result = await this.users.run(userId, command, context);
    await this.notifications.send(result.state, 'password-reset', context.correlationId, {
      resetUrl: `${this.config.linkBase}#token=${token}`,
      expiresInMinutes: String(this.config.ttlMinutes),
    });
  }
}
