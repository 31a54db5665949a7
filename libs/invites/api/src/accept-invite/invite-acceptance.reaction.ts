import { Injectable, Logger } from '@nestjs/common';
import { type StoredEvent, type UserCreated, UserCreatedNotices } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { EventStore, Reaction } from '@gatehouse/event-store';
import { InviteCommands } from '../invite-commands';

const CHECKPOINT = 'reaction:invite-acceptance';
const logger = new Logger('invite-acceptance');

/**
 * Records an invite as accepted once the users context created its user (UserCreated naming the invite):
 * the accept request does this itself, and this reaction finishes it when the service died between the
 * user's creation and the invite's InviteAccepted. Recording twice appends nothing.
 */
@Injectable()
export class InviteAcceptanceReaction extends Reaction {
  constructor(
    store: EventStore,
    private readonly invites: InviteCommands,
  ) {
    super(store, {
      checkpoint: CHECKPOINT,
      firstRun: 'from-start',
      types: [UserCreatedNotices.invited],
      warn: (message) => logger.warn(message),
    });
  }

  protected async react(event: StoredEvent): Promise<void> {
    const { userId, accountId, invite } = event.data as UserCreated['data'];
    if (!invite) return;
    const context = {
      accountId,
      actor: userId,
      correlationId: event.correlationId,
      causationId: event.eventId,
      now: new Date(),
    };
    try {
      await this.invites.recordAcceptance(invite.inviteId, userId, context);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.error(`acceptance of invite ${invite.inviteId} not recorded: ${error.code}`);
    }
  }
}
