import { Injectable, Logger } from '@nestjs/common';
import type { InviteResent, StoredEvent, UserInvited } from '@gatehouse/contracts';
import { EventStore, Reaction } from '@gatehouse/event-store';
import { isPast } from '@gatehouse/invites-domain';
import { Notifier } from '@gatehouse/notifications';
import { InviteCommands } from '../invite-commands';
import { InviteTokens } from '../invite-tokens';
import { InvitesConfig } from '../invites.config';

const CHECKPOINT = 'reaction:invite-emails';
const logger = new Logger('invite-emails');

/**
 * The invite email, for an invite and each resend, as a reaction to the stored event: from a durable
 * checkpoint saved after the batch's emails are handed over, so a crash or an SMTP outage sends late,
 * never not at all (a failing send is retried with backoff, holding the checkpoint). The token is made
 * when its email is sent and only for the invite's latest send while it is pending, so a superseded,
 * revoked or accepted invite gets no link; the idempotency key is the event, the template and the address.
 */
@Injectable()
export class InviteEmailsReaction extends Reaction {
  constructor(
    store: EventStore,
    private readonly invites: InviteCommands,
    private readonly tokens: InviteTokens,
    private readonly notifier: Notifier,
    private readonly config: InvitesConfig,
  ) {
    super(store, { checkpoint: CHECKPOINT, firstRun: 'from-start', warn: (message) => logger.warn(message) });
  }

  protected async react(event: StoredEvent): Promise<void> {
    if (event.type !== 'UserInvited' && event.type !== 'InviteResent') return;
    const { inviteId, sendId } = (event as StoredEvent<string, (UserInvited | InviteResent)['data']>).data;
    const invite = await this.invites.stateOf(inviteId);
    const now = new Date();
    if (invite.status !== 'pending' || invite.sendId !== sendId || isPast(invite.expiresAt, now)) return;
    const token = await this.tokens.issue(inviteId, sendId);
    const hoursLeft = Math.max(1, Math.round((Date.parse(invite.expiresAt) - now.getTime()) / 3_600_000));
    const to = invite.invitee.email;
    await this.notifier.send({
      to,
      language: invite.invitee.language,
      template: 'invite',
      params: {
        acceptUrl: `${this.config.linkBase}?${new URLSearchParams({ token, lang: invite.invitee.language })}`,
        expiresInHours: String(hoursLeft),
      },
      correlationId: event.correlationId,
      idempotencyKey: `${event.eventId}:invite:${to}`,
    });
  }
}
