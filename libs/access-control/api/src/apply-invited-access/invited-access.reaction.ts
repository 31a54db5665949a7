import { Injectable, Logger } from '@nestjs/common';
import { type StoredEvent, type UserCreated, UserCreatedNotices } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { AWAITED_POLL_MS, EventStore, Reaction } from '@gatehouse/event-store';
import { Grants } from '@gatehouse/identity';
import { AccessCommands } from '../access-commands';

const CHECKPOINT = 'reaction:invited-access';
const logger = new Logger('invited-access');

/**
 * Applies the access controls chosen for a user before it existed (IP safelist, API access) — an invite's,
 * or those of the admin who created the user — as the access-control context's reaction to `UserCreated`
 * carrying them: the users context owns the user, this context its `access-<userId>` stream. It writes
 * only into a still-empty stream, so a batch repeated after a crash appends nothing and an admin's change
 * that came first is kept; one leader runs it.
 */
@Injectable()
export class InvitedAccessReaction extends Reaction {
  constructor(
    store: EventStore,
    private readonly grants: Grants,
    private readonly access: AccessCommands,
  ) {
    super(store, {
      checkpoint: CHECKPOINT,
      firstRun: 'from-start',
      types: [UserCreatedNotices.invitedWithAccess, UserCreatedNotices.withAccess],
      // The create that stored the event waits for this reaction before it answers.
      pollMs: AWAITED_POLL_MS,
      warn: (message) => logger.warn(message),
      info: (message) => logger.log(message),
    });
  }

  protected async react(event: StoredEvent): Promise<void> {
    const { userId, accountId, invite, accessControls } = event.data as UserCreated['data'];
    const controls = invite?.accessControls ?? accessControls;
    if (!controls || (await this.grants.access(userId)).version >= 0) return;
    // Whoever chose them: the invite (its inviter may since have left), or the admin who created the user.
    const actor = invite?.inviteId ?? event.actor;
    const command = {
      type: 'ApplyInvitedAccess' as const,
      userId,
      actorId: actor,
      ipSafelist: controls.ipSafelist ?? [],
      apiAccess: controls.apiAccess ?? [],
    };
    const context = {
      accountId,
      actor,
      correlationId: event.correlationId,
      causationId: event.eventId,
      ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
      now: new Date(),
    };
    try {
      await this.access.run(userId, command, context);
    } catch (error) {
      // A rule refusal (the entries were checked when they were chosen) would refuse again: log, go on.
      if (!(error instanceof DomainError)) throw error;
      logger.error(`access controls chosen for user ${userId} not applied: ${error.code}`);
    }
  }
}
