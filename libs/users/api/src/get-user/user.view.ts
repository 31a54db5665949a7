import type {
  LoginChannel,
  StoredEvent,
  UserEvent,
  UserLoginSucceeded,
  UserStatus,
} from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
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

/** What the API shows of a user beyond the decider's state: when it was created, last logged in, asked to be deleted. */
export interface UserRecordView {
  readonly user: UserState;
  readonly createdAt: string | null;
  readonly lastLogin: LastLogin | null;
  readonly deletionRequestedAt: string | null;
}

/**
 * The user's stream folded for reading, through the state cache like every command: a read catches up
 * on the events since the last one, so its cost does not grow with the user's history of logins.
 */
export const userRecordView: View<UserRecordView, StoredEvent> = {
  initialState: () => ({
    user: userDecider.initialState(),
    createdAt: null,
    lastLogin: null,
    deletionRequestedAt: null,
  }),
  snapshot: 'user-record.1',
  evolve: (view, event) => {
    const next = { ...view, user: userDecider.evolve(view.user, event as unknown as UserEvent) };
    if (event.type === 'UserCreated') return { ...next, createdAt: event.occurredAt };
    if (event.type === 'UserDeletionRequested') return { ...next, deletionRequestedAt: event.occurredAt };
    if (event.type === 'UserDeletionRequestWithdrawn') return { ...next, deletionRequestedAt: null };
    if (event.type === 'UserLoginSucceeded') {
      const { ip, channel } = event.data as UserLoginSucceeded['data'];
      return { ...next, lastLogin: { at: event.occurredAt, ip, channel } };
    }
    return next;
  },
};

export function userView(view: UserRecordView, roles: ReadonlySet<string>): UserView | null {
  const { user, lastLogin } = view;
  if (user.status === 'none') return null;
  return {
    userId: user.userId,
    accountId: user.accountId,
    ...user.profile,
    status: user.status,
    roles: [...roles].sort(),
    createdAt: view.createdAt ?? '',
    lastLoginAt: lastLogin?.at ?? null,
    lastLogin,
    deletionRequestedAt: user.deletionRequested ? view.deletionRequestedAt : null,
  };
}
