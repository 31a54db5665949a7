import { Injectable } from '@nestjs/common';
import type { AccountSettings, UserEvent } from '@gatehouse/contracts';
import {
  type CommandContext,
  EventStore,
  type Handled,
  handleCommand,
  type HandleOptions,
  StateCache,
} from '@gatehouse/event-store';
import {
  accountDecider,
  accountSettingsOf,
  accountStreamId,
  type UserCommand,
  userDecider,
  type UserState,
  userStreamId,
} from '@gatehouse/users-domain';
import { Grants } from '@gatehouse/identity';

/**
 * What the user use cases share: a command on a user's stream (through the caught-up state cache, re-decided
 * on a concurrent write unless the client pinned a version), and the facts their rules need.
 */
@Injectable()
export class UserCommands {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
    private readonly roles: Grants,
  ) {}

  run(
    userId: string,
    command: UserCommand,
    context: CommandContext,
    options: Omit<HandleOptions, 'cache'> = {},
  ): Promise<Handled<UserState>> {
    const { expectedVersion, retries = 10 } = options;
    return handleCommand(this.store, userStreamId(userId), userDecider, command, context, {
      expectedVersion,
      retries,
      cache: this.states,
    });
  }

  async user(userId: string): Promise<UserState> {
    return (await this.states.load(userStreamId(userId), userDecider)).state;
  }

  /**
   * The roles of the user a command targets, from the same stream the caller's roles come from; asked
   * before the command, so a read made for the request answers it (the caller's own, or a read-ahead).
   */
  async rolesOf(userId: string): Promise<ReadonlySet<string>> {
    return (await this.roles.rolesOf(userId, 'request')).roles;
  }

  async settings(accountId: string): Promise<AccountSettings> {
    return accountSettingsOf((await this.states.load(accountStreamId(accountId), accountDecider)).state);
  }
}

type DataOf<T extends UserEvent['type']> = Extract<UserEvent, { type: T }>['data'];

/** The data of the first event of a type among those a command appended. */
export function appended<T extends UserEvent['type']>(
  handled: Handled<UserState>,
  type: T,
): DataOf<T> | undefined {
  // The type tag is the contract: an event named T carries T's data.
  const event = handled.events.find((candidate) => candidate.type === type);
  return event?.data as DataOf<T> | undefined;
}
