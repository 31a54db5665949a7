import { Injectable, Logger } from '@nestjs/common';
import type { InviteResent, StoredEvent, UserInvited } from '@gatehouse/contracts';
import { EventStore } from '@gatehouse/event-store';
import { isPast } from '@gatehouse/invites-domain';
import { DeliveryLog, DeliveryPolicy, NotificationReaction, Notifier } from '@gatehouse/notifications';
import { InviteCommands } from '../invite-commands';
import { InviteTokens } from '../invite-tokens';
import { InvitesConfig } from '../invites.config';

const CHECKPOINT = 'reaction:invite-emails';
const logger = new Logger('invite-emails');

/**
 * The invite email, for an invite and each resend, as a reaction to the stored event: from a durable
 * checkpoint saved after the batch's emails are handed over, each sent once by its idempotency key,
 * retried with backoff and parked as a dead letter when it keeps failing (NotificationReaction). The
 * token is made when its email is built and only for the invite's latest send while it is pending, so a
 * superseded, revoked or accepted invite gets no link.
 */
@Injectable()
export class InviteEmailsReaction extends NotificationReaction {
  constructor(
    store: EventStore,
    private readonly invites: InviteCommands,
    private readonly tokens: InviteTokens,
    notifier: Notifier,
    log: DeliveryLog,
    policy: DeliveryPolicy,
    private readonly config: InvitesConfig,
  ) {
    super(
      store,
      { notifier, log, policy },
      {
        checkpoint: CHECKPOINT,
        firstRun: 'from-start',
        types: ['UserInvited', 'InviteResent'],
        logger,
      },
    );
  }

  protected async react(event: StoredEvent): Promise<void> {
    const { inviteId, sendId } = (event as StoredEvent<string, (UserInvited | InviteResent)['data']>).data;
    await this.deliver(event, {
      template: 'invite',
      build: async () => {
        const invite = await this.invites.stateOf(inviteId);
        const now = new Date();
        if (invite.status !== 'pending' || invite.sendId !== sendId || isPast(invite.expiresAt, now)) {
          return null;
        }
        const token = await this.tokens.issue(inviteId, sendId);
        const hoursLeft = Math.max(1, Math.round((Date.parse(invite.expiresAt) - now.getTime()) / 3_600_000));
        return {
          to: invite.invitee.email,
          language: invite.invitee.language,
          template: 'invite',
          params: {
            acceptUrl: `${this.config.linkBase}?${new URLSearchParams({ token, lang: invite.invitee.language })}`,
            expiresInHours: String(hoursLeft),
          },
          correlationId: event.correlationId,
        };
      },
    });
  }
}
