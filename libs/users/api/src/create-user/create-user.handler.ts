import { Injectable } from '@nestjs/common';
import type { UserProfile } from '@gatehouse/contracts';
import {
  type CommandContext,
  type CommandStep,
  EventStore,
  handleCommands,
  step,
} from '@gatehouse/event-store';
import { userDecider, usernameDecider, usernameStreamId, userStreamId } from '@gatehouse/users-domain';
import { v7 as uuidv7 } from 'uuid';
import { AccountRoles } from '../roles/account-roles';

export interface CreateUserInput {
  readonly accountId: string;
  readonly profile: UserProfile;
  readonly roles: readonly string[];
}

export interface CreateUserOptions {
  /** Stores secrets for the new user before it exists, so it never exists without them. */
  readonly withCredentials?: (userId: string) => Promise<void>;
  /** Further commands that must commit together with the user (the account of a bootstrap). */
  readonly alongside?: (userId: string) => CommandStep[];
}

/**
 * Reserve the username (the uniqueness guard), create the user and grant its roles as one atomic append:
 * a taken username or any other broken rule writes nothing, and a crash leaves no half-created user.
 */
@Injectable()
export class CreateUserHandler {
  constructor(
    private readonly store: EventStore,
    private readonly roles: AccountRoles,
  ) {}

  async handle(
    input: CreateUserInput,
    context: CommandContext,
    options: CreateUserOptions = {},
  ): Promise<{ userId: string; version: number }> {
    const userId = uuidv7();
    const { accountId, profile } = input;
    await options.withCredentials?.(userId);
    const steps = [
      step(usernameStreamId(profile.username), usernameDecider, {
        type: 'ReserveUsername',
        username: profile.username,
        userId,
      }),
      step(userStreamId(userId), userDecider, { type: 'CreateUser', userId, accountId, profile }),
      ...(await this.roles.grantSteps(accountId, userId, input.roles)),
      ...(options.alongside?.(userId) ?? []),
    ];
    const versions = await handleCommands(this.store, steps, context);
    return { userId, version: versions.get(userStreamId(userId)) ?? 0 };
  }
}
