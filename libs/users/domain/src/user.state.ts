import type { UserEvent, UserProfile, UserStatus } from '@gatehouse/contracts';
import { assertNever } from '@gatehouse/domain-kit';

/** What the decider remembers of a user. `status` follows from `disabled` and `locked`. */
export interface UserRecord {
  readonly userId: string;
  readonly accountId: string;
  readonly profile: UserProfile;
  readonly sessions: ReadonlySet<string>;
  readonly disabled: boolean;
  readonly locked: boolean;
  /** Times of wrong-password failures since the last success, unlock or reset; newest last, bounded. */
  readonly recentFailures: readonly string[];
  readonly deletionRequested: boolean;
  readonly pendingReset: { readonly resetId: string; readonly expiresAt: string } | null;
}

export type ExistingUser = UserRecord & { readonly status: UserStatus };
export type UserState = { readonly status: 'none' } | ExistingUser;

/** More failures than any lockout setting counts (the account setting is capped at 100). */
const maxRememberedFailures = 100;

export const initialUserState = (): UserState => ({ status: 'none' });

export function evolveUser(state: UserState, event: UserEvent): UserState {
  if (event.type === 'UserCreated') {
    const { userId, accountId, firstPassword, ...profile } = event.data;
    return withStatus({
      userId,
      accountId,
      profile,
      sessions: new Set(),
      disabled: false,
      locked: false,
      recentFailures: [],
      deletionRequested: false,
      pendingReset: firstPassword ?? null,
    });
  }
  if (state.status === 'none') return state;
  return withStatus(evolveExisting(state, event));
}

function evolveExisting(user: ExistingUser, event: Exclude<UserEvent, { type: 'UserCreated' }>): UserRecord {
  const none: ReadonlySet<string> = new Set();
  switch (event.type) {
    case 'UserDetailsUpdated':
    case 'UserContactInfoChanged': {
      const updates = Object.fromEntries(
        Object.entries(event.data.changes).map(([field, c]) => [field, c?.to]),
      );
      return { ...user, profile: { ...user.profile, ...updates } };
    }
    case 'UserLoginSucceeded': {
      const sessions = new Set(user.sessions);
      for (const ended of event.data.endedSessionIds ?? []) sessions.delete(ended);
      return { ...user, sessions: sessions.add(event.data.sessionId), recentFailures: [] };
    }
    case 'UserLoginFailed':
      if (event.data.reason !== 'wrong-password') return user;
      return {
        ...user,
        recentFailures: [...user.recentFailures, event.data.at].slice(-maxRememberedFailures),
      };
    case 'UserSessionEnded': {
      const sessions = new Set(user.sessions);
      sessions.delete(event.data.sessionId);
      return { ...user, sessions };
    }
    case 'UserPasswordChanged': {
      const kept = event.data.keptSessionId;
      return { ...user, sessions: user.sessions.has(kept) ? new Set([kept]) : none };
    }
    case 'UserDisabled':
      return { ...user, disabled: true, sessions: none };
    case 'UserEnabled':
      return { ...user, disabled: false };
    case 'UserDeletionRequested':
      return { ...user, deletionRequested: true, sessions: none };
    case 'UserDeletionRequestWithdrawn':
      return { ...user, deletionRequested: false };
    case 'UserLocked':
      return { ...user, locked: true, sessions: none };
    case 'UserUnlocked':
      return { ...user, locked: false, recentFailures: [] };
    case 'PasswordResetRequested':
      return { ...user, pendingReset: { resetId: event.data.resetId, expiresAt: event.data.expiresAt } };
    case 'UserPasswordReset':
      return { ...user, pendingReset: null, recentFailures: [], sessions: none };
    default:
      return assertNever(event);
  }
}

function withStatus(user: UserRecord): ExistingUser {
  const status: UserStatus = user.disabled ? 'disabled' : user.locked ? 'locked' : 'active';
  return { ...user, status };
}
