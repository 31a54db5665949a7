import type { StoredEvent, UserEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { type UserState, userDecider } from '@gatehouse/users-domain';

/** A user as the API shows it: read from the store (authoritative), not from a read model. */
export interface UserView {
  readonly userId: string;
  readonly accountId: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly username: string;
  readonly mobile: string | null;
  readonly language: string;
  readonly timeZone: string;
  readonly status: 'active';
  readonly roles: readonly string[];
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
}

export function userView(events: readonly StoredEvent[], roles: ReadonlySet<string>): UserView | null {
  const state: UserState = fold(
    userDecider.evolve,
    userDecider.initialState(),
    events as unknown as UserEvent[],
  );
  if (state.status === 'none') return null;
  const lastLogin = [...events].reverse().find((event) => event.type === 'UserLoginSucceeded');
  return {
    userId: state.userId,
    accountId: state.accountId,
    ...state.profile,
    status: state.status,
    roles: [...roles].sort(),
    createdAt: events[0].occurredAt,
    lastLoginAt: lastLogin?.occurredAt ?? null,
  };
}
