import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@gatehouse/event-store';
import type { UnlockUser } from '@gatehouse/users-domain';
import { newResetLink, PasswordResetConfig } from '../password-reset/password-reset.config';
import { UserCommands } from '../user-commands';

/**
 * Unlocks and requests a single-use reset link: UserEmailsReaction makes the token and emails it once the
 * events are stored, so a refused unlock never replaces a reset link the user already has, and the events
 * carry no token.
 */
@Injectable()
export class UnlockUserHandler {
  constructor(
    private readonly users: UserCommands,
    private readonly config: PasswordResetConfig,
  ) {}

  async unlock(userId: string, context: CommandContext): Promise<void> {
    const command: UnlockUser = {
      type: 'UnlockUser',
      accountId: context.accountId,
      ...newResetLink(this.config, context.now),
    };
    await this.users.run(userId, command, context);
  }
}
