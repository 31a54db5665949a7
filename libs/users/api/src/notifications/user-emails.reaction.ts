import { Injectable, Logger } from '@nestjs/common';
import type { StoredEvent } from '@gatehouse/contracts';
import { EventStore } from '@gatehouse/event-store';
import { DeliveryLog, DeliveryPolicy, NotificationReaction, Notifier } from '@gatehouse/notifications';
import { PasswordResetConfig } from '../password-reset/password-reset.config';
import { PasswordResets } from '../password-reset/password-resets';
import { passwordLinkParams } from '../password-pages/password-links';
import { UserCommands } from '../user-commands';
import { emailingTypes, emailsFor } from './user-emails';

const CHECKPOINT = 'reaction:user-emails';
const logger = new Logger('user-emails');

/**
 * Emails to users as a reaction to stored events, never inline after an append: it follows the store's
 * global order from a durable checkpoint, saved only after a batch's emails are handed over, so a crash
 * anywhere sends late, never not at all; each message is sent once by its idempotency key, retried, and
 * parked as a dead letter when it keeps failing (NotificationReaction). Disabled users get nothing: the
 * user is read as stored at send time. A reset link is made when its email is sent: a resend replaces the
 * token, so the newest email's link is the one that works. One instance of the service leads it.
 */
@Injectable()
export class UserEmailsReaction extends NotificationReaction {
  constructor(
    store: EventStore,
    private readonly users: UserCommands,
    private readonly resets: PasswordResets,
    notifier: Notifier,
    log: DeliveryLog,
    policy: DeliveryPolicy,
    private readonly config: PasswordResetConfig,
  ) {
    // Those emails were sent inline by the versions before this reaction, and a new installation has none.
    super(
      store,
      { notifier, log, policy },
      {
        checkpoint: CHECKPOINT,
        firstRun: 'after-history',
        types: [...emailingTypes],
        logger,
      },
    );
  }

  protected async react(event: StoredEvent): Promise<void> {
    if (!event.streamId.startsWith('user-')) return;
    const user = await this.users.user((event.data as { userId: string }).userId);
    if (user.status === 'none') return;
    for (const email of emailsFor(event, user)) {
      await this.deliver(event, {
        template: email.template,
        build: async () => {
          const params: Record<string, string> = { firstName: user.profile.firstName, ...email.params };
          if (email.reset) {
            const token = await this.resets.issue(user.userId, email.reset.resetId, email.reset.expiresAt);
            Object.assign(
              params,
              passwordLinkParams(email.template, this.config, token, user.profile.language),
            );
          }
          return {
            to: email.to ?? user.profile.email,
            language: user.profile.language,
            template: email.template,
            params,
            correlationId: event.correlationId,
          };
        },
      });
    }
  }
}
