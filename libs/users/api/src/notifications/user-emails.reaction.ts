import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { StoredEvent } from '@gatehouse/contracts';
import { EventStore, sleep, START, tailAll } from '@gatehouse/event-store';
import { MessageNotBuilt, Notifier } from '@gatehouse/notifications';
import { PasswordResetConfig } from '../password-reset/password-reset.config';
import { PasswordResets } from '../password-reset/password-resets';
import { UserCommands } from '../user-commands';
import { emailsFor } from './user-emails';

const CHECKPOINT = 'reaction:user-emails';
const ATTEMPTS = 10;

/**
 * Emails to users as a reaction to stored events, never inline after an append: it follows the store's
 * global order from a durable checkpoint, saved only after a batch's emails are handed over, so a crash
 * anywhere sends late or twice, never not at all. Each message carries an idempotency key (event, template,
 * recipient) for adapters that can dedupe. A reset link is made when its email is sent: a resend replaces
 * the token, so the newest email's link is the one that works. One instance per deployment should run it.
 */
@Injectable()
export class UserEmailsReaction implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('user-emails');
  private readonly stop = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly users: UserCommands,
    private readonly resets: PasswordResets,
    private readonly notifier: Notifier,
    private readonly config: PasswordResetConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const from = await this.startingPoint();
    this.running = tailAll(this.store, { from, signal: this.stop.signal }, async (batch) => {
      for (const event of batch) await this.react(event);
      await this.store.saveCheckpoint(CHECKPOINT, batch[batch.length - 1].checkpoint);
    }).catch((error: unknown) => {
      if (!this.stop.signal.aborted)
        this.logger.error(`stopped: ${error instanceof Error ? error.stack : error}`);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await this.running;
  }

  /**
   * Where a store that never ran this reaction starts: after every event already stored. Those emails
   * were sent inline by the versions before it, and a new installation has none.
   */
  private async startingPoint(): Promise<string> {
    const saved = await this.store.loadCheckpoint(CHECKPOINT);
    if (saved !== START) return saved;
    let end = START;
    for (;;) {
      const batch = await this.store.readAll({ after: end, maxCount: 1000 });
      if (batch.length === 0) break;
      end = batch[batch.length - 1].checkpoint;
    }
    if (end !== START) await this.store.saveCheckpoint(CHECKPOINT, end);
    return end;
  }

  private async react(event: StoredEvent): Promise<void> {
    if (!event.streamId.startsWith('user-')) return;
    const user = await this.users.user((event.data as { userId: string }).userId);
    if (user.status === 'none') return;
    for (const email of emailsFor(event, user)) {
      const params: Record<string, string> = { firstName: user.profile.firstName, ...email.params };
      if (email.reset) {
        const token = await this.resets.issue(user.userId, email.reset.resetId, email.reset.expiresAt);
        params['resetUrl'] = `${this.config.linkBase}#token=${token}`;
        params['expiresInMinutes'] = String(this.config.ttlMinutes);
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
          this.logger.error(`could not build ${message.template} for user ${userId} (${error.code})`);
          return;
        }
        const reason = error instanceof Error ? error.name : 'unknown error';
        if (attempt >= ATTEMPTS || this.stop.signal.aborted) {
          this.logger.error(`gave up sending ${message.template} to user ${userId} (${reason})`);
          return;
        }
        await sleep(Math.min(30_000, 100 * 2 ** attempt), this.stop.signal).catch(() => undefined);
      }
    }
  }
}
