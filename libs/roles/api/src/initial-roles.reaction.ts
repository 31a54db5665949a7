import { Injectable, Logger } from '@nestjs/common';
import { type StoredEvent, type UserCreated, UserCreatedNotices } from '@gatehouse/contracts';
import { AWAITED_POLL_MS, EventStore, Reaction } from '@gatehouse/event-store';
import { DomainError } from '@gatehouse/domain-kit';
import { Grants } from '@gatehouse/identity';
import { RoleCommands } from './role-commands';

const CHECKPOINT = 'reaction:initial-roles';
const logger = new Logger('initial-roles');

/**
 * Grants a new user the roles asked for when it was created (`UserCreated.roles`): the users context
 * owns users and the roles context owns roles, so the grant is the roles context's reaction to the
 * stored event (docs/adr/20261201-initial-roles-are-a-reaction.md). It starts at the first event on a
 * new store (events from before the split carry no roles and are passed over), and grants only into a
 * user's still-empty assignments stream, so a batch repeated after a crash, or a toggle that came first,
 * is never overwritten.
 */
@Injectable()
export class InitialRolesReaction extends Reaction {
  constructor(
    store: EventStore,
    private readonly grants: Grants,
    private readonly roles: RoleCommands,
  ) {
    super(store, {
      checkpoint: CHECKPOINT,
      firstRun: 'from-start',
      types: [UserCreatedNotices.withRoles],
      // The create that stored the event waits for this reaction before it answers.
      pollMs: AWAITED_POLL_MS,
      concurrency: 8,
      warn: (message) => logger.warn(message),
    });
  }

  protected async react(event: StoredEvent): Promise<void> {
    const { userId, accountId, roles = [] } = event.data as UserCreated['data'];
    if ((await this.grants.rolesOf(userId)).version >= 0) return;
    const context = {
      accountId,
      actor: event.actor,
      correlationId: event.correlationId,
      causationId: event.eventId,
      // The grant belongs to the request that created the user: its trace goes on.
      ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
      now: new Date(),
    };
    try {
      await this.roles.grantInitial(accountId, userId, roles, context);
    } catch (error) {
      // A rule refusal will refuse again: say so and go on (the users context checked the roles exist).
      if (!(error instanceof DomainError)) throw error;
      logger.error(`not granted to user ${userId}: ${error.code}`);
    }
  }
}
