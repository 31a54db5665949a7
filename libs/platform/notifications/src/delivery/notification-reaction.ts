import type { StoredEvent } from '@gatehouse/contracts';
import { type EventStore, Reaction, type ReactionOptions, sleep } from '@gatehouse/event-store';
import { type EmailMessage, type Notifier, type TemplateName } from '../notifier.port';
import { MessageNotBuilt } from '../render-email';
import { type DeadLetter, type DeliveryLog } from './delivery-log.port';
import { type DeliveryPolicy } from './delivery-policy';

/** How often the leader looks for dead letters an operator asked to retry. */
const RETRY_POLL_MS = 1000;

/**
 * Messages of different streams (people) handled at once by default. One at a time, a message's round
 * trips in turn (its event, the delivery log, a token, the send, its record) let the user-emails reaction
 * send 14 a second during a burst of creates and drain 290–410 a second after it; a person's own messages
 * still go in order.
 */
const MESSAGES_AT_ONCE = 8;

/**
 * The least time between two reads (ReactionOptions.pollMs; reactions default to 20 ms): nobody waits on an
 * email, and at 80 creates a second each read found one or two, each a round of wake-ups and statements.
 */
const EMAIL_POLL_MS = 50;

/** One message an event calls for. */
export interface Delivery {
  readonly template: TemplateName;
  /**
   * Builds the message when it is to be sent, or `null` when it is no longer due. Called only when its
   * key was never sent, so a link made here (a new token replacing the last) is one the recipient gets.
   */
  readonly build: () => Promise<EmailMessage | null>;
}

export interface NotificationReactionOptions
  extends Pick<ReactionOptions, 'checkpoint' | 'firstRun' | 'types' | 'concurrency'> {
  readonly logger: { log(message: string): void; warn(message: string): void; error(message: string): void };
}

export interface NotificationPorts {
  readonly notifier: Notifier;
  readonly log: DeliveryLog;
  readonly policy: DeliveryPolicy;
}

/**
 * A reaction that sends messages, each at most once as far as Gatehouse can tell: its idempotency key
 * (`<event id>:<template>`) is looked up in the delivery log before the message is built and recorded
 * there once the notifier took it, so a repeated batch (crash, new leader) sends only what was not sent.
 * A failing send is retried with doubling waits; one that still fails, or whose recipient the mail server
 * refused for good (5xx), is parked as a dead letter and the reaction moves on. An operator's retry runs
 * the event's reaction again, building the message anew.
 * What remains: a crash between the hand-over and its record sends that one message again.
 */
export abstract class NotificationReaction extends Reaction {
  protected constructor(
    store: EventStore,
    private readonly ports: NotificationPorts,
    private readonly settings: NotificationReactionOptions,
  ) {
    const { logger } = settings;
    super(store, {
      concurrency: MESSAGES_AT_ONCE,
      pollMs: EMAIL_POLL_MS,
      ...settings,
      warn: (message) => logger.warn(message),
      info: (message) => logger.log(message),
    });
  }

  protected async deliver(event: StoredEvent, delivery: Delivery): Promise<void> {
    const { notifier, log, policy } = this.ports;
    const key = `${event.eventId}:${delivery.template}`;
    if (await log.wasSent(key)) return;
    const message = await delivery.build();
    if (!message) return;
    for (let attempt = 1; ; attempt++) {
      try {
        await notifier.send({ ...message, idempotencyKey: key });
        return await log.recordSent(key);
      } catch (error) {
        if (error instanceof MessageNotBuilt) {
          this.settings.logger.error(
            `could not build ${delivery.template} for ${event.streamId} (${error.code})`,
          );
          return;
        }
        // Shutting down or no longer leading: the batch is not checkpointed, the next leader sends it.
        if (this.signal.aborted) throw error;
        if (attempt >= policy.attempts || isPermanent(error)) {
          this.settings.logger.error(
            `parked ${delivery.template} for ${event.streamId} after ${attempt} attempts`,
          );
          // Read only when parking: a message parked before (an operator's retry) adds its attempts. The
          // one leader is the only writer of this key's letter, so it has not changed since the send began.
          const previous = (await log.deadLetters()).find((letter) => letter.key === key)?.attempts ?? 0;
          return log.park({
            key,
            reaction: this.settings.checkpoint,
            streamId: event.streamId,
            streamPosition: event.streamPosition,
            template: delivery.template,
            attempts: previous + attempt,
            reason: reasonOf(error),
            parkedAt: new Date().toISOString(),
            retryRequested: false,
          });
        }
        await sleep(policy.delayAfter(attempt), this.signal);
      }
    }
  }

  /** Runs the reaction again for each letter an operator asked to retry; one no longer due is re-parked. */
  protected override async whileLeading(signal: AbortSignal): Promise<void> {
    const { log } = this.ports;
    while (!signal.aborted) {
      try {
        for (const letter of await log.retriesRequested(this.settings.checkpoint)) {
          if (signal.aborted) break;
          await this.retry(letter);
        }
      } catch (error) {
        this.settings.logger.warn(`retrying dead letters: ${error instanceof Error ? error.message : error}`);
      }
      await sleep(RETRY_POLL_MS, signal);
    }
  }

  private async retry(letter: DeadLetter): Promise<void> {
    const { log } = this.ports;
    const [event] = await this.store.readStream(letter.streamId, {
      fromPosition: letter.streamPosition,
      maxCount: 1,
    });
    if (event) await this.react(event);
    const still = (await log.retriesRequested(this.settings.checkpoint)).find((l) => l.key === letter.key);
    if (still) await log.park({ ...still, reason: 'NO_LONGER_DUE', retryRequested: false });
  }
}

/**
 * The server refused the recipient for good (5xx to RCPT: no such mailbox): trying again won't help. A 5xx
 * elsewhere (bad credentials) is the sender's configuration, fixed once for every message: retried.
 */
function isPermanent(error: unknown): boolean {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  return (
    code === 'EENVELOPE' && typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600
  );
}

function reasonOf(error: unknown): string {
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (typeof responseCode === 'number') return `SMTP ${responseCode}`;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown';
}
