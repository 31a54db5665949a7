import { Injectable, Logger } from '@nestjs/common';
import type {
  AccessEvent,
  InitialAccessControls,
  RoleToggled,
  UserInviteOrigin,
  UserProfile,
} from '@gatehouse/contracts';
import {
  type CommandContext,
  type CommandStep,
  EventStore,
  handleCommands,
  StateCache,
  step,
} from '@gatehouse/event-store';
import { Grants, UsernameReservations } from '@gatehouse/identity';
import { catalogOf, restrictsAccess } from '@gatehouse/identity-domain';
import { userDecider, usernameDecider, userStreamId } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import { FIRST_PASSWORD_TTL_DAYS } from '../password-reset/password-reset.config';
import { untilAppended } from './until-appended';

export interface CreateUserInput {
  readonly accountId: string;
  readonly profile: UserProfile;
  readonly roles: readonly string[];
  /** An id fixed by the caller: an invited user's is its invite's, so a repeated acceptance finds it. */
  readonly userId?: string;
  readonly invite?: UserInviteOrigin;
  /** The access controls the admin creating the user chose (an invitee's come with the invite). */
  readonly accessControls?: InitialAccessControls;
  /** Send the new user a link to choose a first password (a user an admin creates has none). */
  readonly firstPasswordLink?: boolean;
}

export interface CreateUserOptions {
  /** Stores secrets for the new user before it exists, so it never exists without them. */
  readonly withCredentials?: (userId: string) => Promise<void>;
  /** Further commands that must commit together with the user (the account of a bootstrap). */
  readonly alongside?: (userId: string) => CommandStep[];
}

/**
 * How long a create waits for another context's reaction (the roles context's grant, the access-control
 * context's controls) before answering.
 */
const REACTION_WAIT_MS = 10_000;
/** What the roles context's grant appends to the user's assignments. */
const GRANT_TYPES: ReadonlySet<RoleToggled['type']> = new Set(['RoleToggled']);
/** What the access-control context's first write of chosen controls appends. */
const ACCESS_TYPES: ReadonlySet<AccessEvent['type']> = new Set(['IpSafelistChanged', 'ApiAccessChanged']);

/**
 * Reserve the username (the uniqueness guard) and create the user as one atomic append: a taken username,
 * an unknown role or any other broken rule writes nothing, and a crash leaves no half-created user. The
 * roles asked for travel in UserCreated; the roles context grants them as a reaction, and the create
 * answers once they are in force, so a client can act as (or on) the new user's roles at once.
 */
@Injectable()
export class CreateUserHandler {
  private readonly logger = new Logger('create-user');

  constructor(
    private readonly store: EventStore,
    private readonly grants: Grants,
    private readonly reservations: UsernameReservations,
    private readonly states: StateCache,
  ) {}

  async handle(
    input: CreateUserInput,
    context: CommandContext,
    options: CreateUserOptions = {},
  ): Promise<{ userId: string; version: number }> {
    const userId = input.userId ?? uuidv7();
    const { accountId, profile, roles, invite, accessControls } = input;
    const firstPassword = input.firstPasswordLink
      ? {
          resetId: uuidv7(),
          expiresAt: new Date(context.now.getTime() + FIRST_PASSWORD_TTL_DAYS * 86_400_000).toISOString(),
        }
      : undefined;
    // The catalog the caller's permissions were read from, when the request was authenticated by one.
    const knownRoles = new Set(
      catalogOf((await this.grants.catalog(accountId, 'request')).state).map((role) => role.id),
    );
    await options.withCredentials?.(userId);
    // The first try decides on the reservation read with the caller's credentials (UsernameReadAhead) and,
    // for an id made just now, on a user stream that cannot exist yet: it reads nothing before its append.
    const steps = [
      step(
        this.reservations.streamIdOf(profile.username),
        usernameDecider,
        { type: 'ReserveUsername', username: profile.username, userId },
        { cache: this.states, firstTry: 'request' },
      ),
      step(
        userStreamId(userId),
        userDecider,
        {
          type: 'CreateUser',
          userId,
          accountId,
          profile,
          roles,
          knownRoles,
          invite,
          accessControls,
          firstPassword,
        },
        input.userId === undefined ? { firstTry: 'new' } : {},
      ),
      ...(options.alongside?.(userId) ?? []),
    ];
    const versions = await handleCommands(this.store, steps, context);
    if (roles.length > 0) await this.grantOf(userId);
    if (restrictsAccess(accessControls) && !(await this.accessApplied(userId))) {
      this.logger.warn(
        `access controls of user ${userId} not applied yet; the access-control service applies them`,
      );
    }
    return { userId, version: versions.get(userStreamId(userId)) ?? 0 };
  }

  /** Waits, bounded, for the first write to the user's roles: the roles context's grant. */
  async grantOf(userId: string): Promise<void> {
    const granted = async () => (await this.grants.rolesOf(userId)).version >= 0;
    if (await untilAppended(this.store, GRANT_TYPES, granted, REACTION_WAIT_MS)) return;
    this.logger.warn(`roles of user ${userId} not granted yet; the roles service grants them when it runs`);
  }

  /**
   * Waits, bounded, for the access-control context to apply the controls chosen for the new user (its
   * first write to the user's access stream); false past the wait. The user exists then, and no login of
   * theirs is accepted until the controls are applied (initialAccessPending).
   */
  async accessApplied(userId: string): Promise<boolean> {
    const applied = async () => (await this.grants.access(userId)).version >= 0;
    return untilAppended(this.store, ACCESS_TYPES, applied, REACTION_WAIT_MS);
  }
}
