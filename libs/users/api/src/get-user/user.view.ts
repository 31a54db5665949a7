import type {
  LoginChannel,
  StoredEvent,
  UserEvent,
  UserLoginSucceeded,
  UserStatus,
} from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { type UserState, userDecider } from '@gatehouse/users-domain';

export interface LastLogin {
  readonly at: string;
  readonly ip: string;
  readonly channel: LoginChannel;
}

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
  readonly status: UserStatus;
  readonly roles: readonly string[];
  readonly createdAt: string;
  readonly lastLoginAt: string | null;
  readonly lastLogin: LastLogin | null;
  readonly deletionRequestedAt: string | null;
}

export function userView(events: readonly StoredEvent[], roles: ReadonlySet<string>): UserView | null {
  const state: UserState = fold(
    userDecider.evolve,
    userDecider.initialState(),
    events as unknown as UserEvent[],
  );
  if (state.status === 'none') return null;
  const latest = (type: UserEvent['type']) => [...events].reverse().find((event) => event.type === type);
  const login = latest('UserLoginSucceeded') as
    | StoredEvent<'UserLoginSucceeded', UserLoginSucceeded['data']>
    | undefined;
  const lastLogin = login ? { at: login.occurredAt, ip: login.data.ip, channel: login.data.channel } : null;
  return {
    userId: state.userId,
    accountId: state.accountId,
    ...state.profile,
    status: state.status,
    roles: [...roles].sort(),
    createdAt: events[0].occurredAt,
    lastLoginAt: lastLogin?.at ?? null,
    lastLogin,
    deletionRequestedAt: state.deletionRequested
      ? (latest('UserDeletionRequested')?.occurredAt ?? null)
      : null,
  };
}
