import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@gatehouse/event-store';
import { v7 as uuidv7 } from 'uuid';
import { UserCommands } from '../user-commands';
import { PasswordResetConfig } from './password-reset.config';

/**
 * The two ways an admin puts a single-use reset link in a user's mailbox: unlocking them, or "Change the
 * password" on their profile. Each command carries a new link's id and deadline; UserEmailsReaction makes
 * the token and emails it once the events are stored, so a refused command never replaces a link the user
 * already has, and the events carry no token.
 */
@Injectable()
export class ResetLinksHandler {
  constructor(
    private readonly users: UserCommands,
    private readonly config: PasswordResetConfig,
  ) {}

  async unlock(userId: string, context: CommandContext): Promise<void> {
    await this.users.run(userId, { type: 'UnlockUser', ...this.newLink(context) }, context);
  }

  async sendReset(userId: string, context: CommandContext): Promise<void> {
    await this.users.run(userId, { type: 'SendPasswordReset', ...this.newLink(context) }, context);
  }

  private newLink({ accountId, now }: CommandContext) {
    const expiresAt = new Date(now.getTime() + this.config.ttlMinutes * 60_000).toISOString();
    return { accountId, resetId: uuidv7(), expiresAt };
  }
}
