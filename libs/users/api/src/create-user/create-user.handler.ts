import { Injectable } from '@nestjs/common';
import type { UserProfile } from '@gatehouse/contracts';
import { type CommandContext, EventStore, handleCommand, StateCache } from '@gatehouse/event-store';
import {
  rolesDecider,
  rolesStreamId,
  userDecider,
  usernameDecider,
  usernameStreamId,
  userStreamId,
} from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';

export interface CreateUserInput {
  readonly accountId: string;
  readonly profile: UserProfile;
  readonly roles: readonly string[];
}

/** Many users of one account may be created at once; they all grant roles on the account's roles stream. */
const ROLE_GRANT_RETRIES = 25;

/**
 * Reserve the username first (the uniqueness guard), then create the user, then grant the roles.
 * Each step is one optimistic append; a user never exists under a username someone else holds.
 */
@Injectable()
export class CreateUserHandler {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  /** `withCredentials` stores secrets for the new user before it exists, so it never exists without them. */
  async handle(
    input: CreateUserInput,
    context: CommandContext,
    withCredentials?: (userId: string) => Promise<void>,
  ): Promise<{ userId: string; version: number }> {
    const userId = uuidv7();
    const { accountId, profile } = input;
    await handleCommand(
      this.store,
      usernameStreamId(profile.username),
      usernameDecider,
      { type: 'ReserveUsername', username: profile.username, userId },
      context,
    );
    await withCredentials?.(userId);
    const created = await handleCommand(
      this.store,
      userStreamId(userId),
      userDecider,
      { type: 'CreateUser', userId, accountId, profile },
      context,
    );
    if (input.roles.length > 0) {
      await handleCommand(
        this.store,
        rolesStreamId(accountId),
        rolesDecider,
        { type: 'GrantRoles', userId, roleIds: input.roles },
        context,
        { cache: this.states, retries: ROLE_GRANT_RETRIES },
      );
    }
    return { userId, version: created.version };
  }
}
