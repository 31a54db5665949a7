import { Injectable } from '@nestjs/common';
import { UserErrors } from '@gatehouse/users-domain';
import type { RequestContext } from '@gatehouse/identity';
import { PasswordHasher } from '../password-hasher';
import { PasswordResets } from '../password-reset/password-resets';
import { UserCommands } from '../user-commands';

/**
 * The token proves who asks; the user's stream decides (pending, unexpired, policy) and, by appending at
 * the version it read, lets only one completion win. Then the token is deleted and the new hash stored.
 */
@Injectable()
export class CompletePasswordResetHandler {
  constructor(
    private readonly users: UserCommands,
    private readonly resets: PasswordResets,
    private readonly passwords: PasswordHasher,
  ) {}

  /**
   * The language of the user a link is for, while the link can still set a password (pending, unexpired,
   * user not disabled); null otherwise, alike for every reason. Reads only: the page greets its holder.
   */
  async holderLanguage(token: string, now: Date): Promise<string | null> {
    const redeemed = await this.resets.redeem(token);
    if (!redeemed) return null;
    const user = await this.users.user(redeemed.userId);
    if (user.status === 'none' || user.disabled) return null;
    const pending = user.pendingReset;
    const usable = pending?.resetId === redeemed.resetId && now < new Date(pending.expiresAt);
    return usable ? user.profile.language : null;
  }

  async complete(token: string, newPassword: string, request: RequestContext): Promise<void> {
    const redeemed = await this.resets.redeem(token);
    if (!redeemed) throw UserErrors.resetTokenInvalid();
    const { userId, resetId } = redeemed;
    const user = await this.users.user(userId);
    if (user.status === 'none') throw UserErrors.resetTokenInvalid();
    const { passwordPolicy } = await this.users.settings(user.accountId);
    const context = { ...request, accountId: user.accountId, actor: userId };
    const now = context.now.toISOString();
    await this.users.run(
      userId,
      { type: 'CompletePasswordReset', resetId, newPassword, policy: passwordPolicy, now },
      context,
    );
    await this.resets.consume(userId);
    await this.passwords.set(userId, newPassword);
  }
}
