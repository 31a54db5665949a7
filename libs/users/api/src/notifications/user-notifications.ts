import { Injectable, Logger } from '@nestjs/common';
import { Notifier, type TemplateName } from '@gatehouse/notifications';
import type { UserState } from '@gatehouse/users-domain';

/**
 * Emails to users, sent after the event that causes them is stored. Disabled users receive nothing.
 * A failed send is logged (template and user only: params may hold a reset link) and does not undo the
 * command, which already happened.
 */
@Injectable()
export class UserNotifications {
  private readonly logger = new Logger('user-notifications');

  constructor(private readonly notifier: Notifier) {}

  async send(
    user: UserState,
    template: TemplateName,
    correlationId: string,
    params: Record<string, string> = {},
    to?: string,
  ): Promise<void> {
    if (user.status === 'none' || user.status === 'disabled') return;
    const message = {
      to: to ?? user.profile.email,
      language: user.profile.language,
      template,
      params: { firstName: user.profile.firstName, ...params },
      correlationId,
    };
    try {
      await this.notifier.send(message);
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'unknown error';
      this.logger.warn(`could not send ${template} to user ${user.userId} (${reason})`);
    }
  }
}
