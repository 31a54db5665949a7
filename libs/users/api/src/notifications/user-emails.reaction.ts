import { Injectable, Logger } from '@nestjs/common';
import type { StoredEvent } from '@gatehouse/contracts';
import { EventStore, Reaction, sleep } from '@gatehouse/event-store';
import { MessageNotBuilt, Notifier } from '@gatehouse/notifications';
import { PasswordResetConfig } from '../password-reset/password-reset.config';
import { PasswordResets } from '../password-reset/password-resets';
import { passwordLinkParams } from '../password-pages/password-links';
import { UserCommands } from '../user-commands';
import { emailsFor } from './user-emails';

const CHECKPOINT = 'reaction:user-emails';
const ATTEMPTS = 10;
const logger = new Logger('user-emails');

/**
 * Emails to users as a reaction to stored events, never inline after an append: it follows the store's
 * global order from a durable checkpoint, saved only after a batch's emails are handed over, so a crash
 * anywhere sends late or twice, never not at all. Each message carries an idempotency key (event, template,
 * recipient) for adapters that can dedupe. A reset link is made when its email is sent: a resend replaces
 * the token, so the newest email's link is the one that works. One instance per deployment should run it.
 */
@Injectable()
export class UserEmailsReaction extends Reaction {
  constructor(
    store: EventStore,
    private readonly users: UserCommands,
    private readonly resets: PasswordResets,
    private readonly notifier: Notifier,
    private readonly config: PasswordResetConfig,
  ) {
    // Those emails were sent inline by the versions before this reaction, and a new installation has none.
    super(store, {
      checkpoint: CHECKPOINT,
      firstRun: 'after-history',
      warn: (message) => logger.warn(message),
    });
  }

  protected async react(event: StoredEvent): Promise<void> {
    if (!event.streamId.startsWith('user-')) return;
    const user = await this.users.user((event.data as { userId: string }).userId);
    if (user.status === 'none') return;
    for (const email of emailsFor(event, user)) {
      const params: Record<string, string> = { firstName: user.profile.firstName, ...email.params };
      if (email.reset) {
        const token = await this.resets.issue(user.userId, email.reset.resetId, email.reset.expiresAt);
        Object.assign(params, passwordLinkParams(email.template, this.config, token, user.profile.language));
      }
      const to = email.to ?? user.profile.email;
      await this.send(
        {
          to,
          language: user.profile.language,
          template: email.template,
          params,
          correlationId: event.correlationId,
          idempotencyKey: `${event.eventId}:${email.template}:${to}`,
        },
        user.userId,
      );
    }
  }

  /**
   * Retries a failing send; one that still fails is logged (template and user only) and given up. A
   * message that cannot be built is not retried: it is logged at once (the metered notifier counts it)
   * and the event that called for it stands.
   */
  private async send(message: Parameters<Notifier['send']>[0], userId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.notifier.send(message);
      } catch (error) {
        if (error instanceof MessageNotBuilt) {
          logger.error(`could not build ${message.template} for user ${userId} (${error.code})`);
          return;
        }
        const reason = error instanceof Error ? error.name : 'unknown error';
        if (attempt >= ATTEMPTS || this.signal.aborted) {
          logger.error(`gave up sending ${message.template} to user ${userId} (${reason})`);
          return;
        }
        await sleep(Math.min(30_000, 100 * 2 ** attempt), this.signal);
      }
    }
  }
}
