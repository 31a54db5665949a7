import type { DomainEvent } from './envelope';
import type { InitialAccessControls } from './invites.events';
import type { LanguageTag } from './languages';

/**
 * Public contract of the users context (topic gatehouse.users.v1), schema version 1.
 * No event carries a password, a hash or a token: those live in the secret store only.
 */
export interface UserProfile {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly username: string;
  readonly mobile: string | null;
  readonly language: LanguageTag;
  readonly timeZone: string;
}

export type LoginChannel = 'password';
export type UserStatus = 'active' | 'disabled' | 'locked';
export type LoginFailureReason = 'wrong-password' | 'locked' | 'disabled';

export type DetailChange<T> = { readonly from: T; readonly to: T };

/**
 * `roles`: the roles asked for at creation, which the roles context then grants (RoleToggled on the
 * user's assignments stream). Absent on users created before roles became a context of their own.
 * `invite`: present when the user accepted an invite (the invites context records the acceptance from it,
 * the access-control context applies the controls the inviter chose).
 * `accessControls`: the controls the admin creating the user chose (an invitee's travel in `invite`), which
 * the access-control context applies; absent when none were chosen.
 * `firstPassword`: the single-use link a user an admin created gets to choose a first password (its token
 * is stored hashed elsewhere and never travels in events); absent for invitees, who chose theirs.
 */
export type UserCreated = DomainEvent<
  'UserCreated',
  {
    readonly userId: string;
    readonly accountId: string;
    readonly roles?: readonly string[];
    readonly invite?: UserInviteOrigin;
    readonly accessControls?: InitialAccessControls;
    readonly firstPassword?: { readonly resetId: string; readonly expiresAt: string };
  } & UserProfile
>;
export interface UserInviteOrigin {
  readonly inviteId: string;
  readonly accessControls: InitialAccessControls | null;
}
export type UsernameReserved = DomainEvent<
  'UsernameReserved',
  { readonly username: string; readonly userId: string }
>;
/**
 * A session starts. `at` (when it started, for its absolute lifetime) and `userAgent` (shown in the user's
 * list of sessions) are absent on sessions started before sessions could end by themselves.
 */
export type UserLoginSucceeded = DomainEvent<
  'UserLoginSucceeded',
  {
    readonly userId: string;
    readonly sessionId: string;
    readonly ip: string;
    readonly channel: LoginChannel;
    readonly at?: string;
    readonly userAgent?: string;
    /**
     * Sessions this login ended: the oldest open ones, so a user never holds more than the users
     * context's cap (absent when none ended, and on logins before the cap).
     */
    readonly endedSessionIds?: readonly string[];
  }
>;
/** `at` is the attempt's time, so the failure window can be counted from the stream alone. */
export type UserLoginFailed = DomainEvent<
  'UserLoginFailed',
  {
    readonly userId: string;
    readonly reason: LoginFailureReason;
    readonly ip: string;
    readonly channel: LoginChannel;
    readonly at: string;
  }
>;
/** `logout`: the session's own request; `ended`: its user or an admin ended it from the list of sessions. */
export type SessionEndReason = 'logout' | 'ended';
export type UserSessionEnded = DomainEvent<
  'UserSessionEnded',
  { readonly userId: string; readonly sessionId: string; readonly reason: SessionEndReason }
>;

export type UserDetailsUpdated = DomainEvent<
  'UserDetailsUpdated',
  {
    readonly userId: string;
    readonly changes: {
      readonly [K in 'firstName' | 'lastName' | 'language' | 'timeZone']?: DetailChange<UserProfile[K]>;
    };
  }
>;
export type UserContactInfoChanged = DomainEvent<
  'UserContactInfoChanged',
  {
    readonly userId: string;
    readonly changes: { readonly [K in 'email' | 'mobile']?: DetailChange<UserProfile[K]> };
  }
>;

/** Every session of the user ends except `keptSessionId`, the one the change was made from. */
export type UserPasswordChanged = DomainEvent<
  'UserPasswordChanged',
  { readonly userId: string; readonly keptSessionId: string }
>;
/** Every session of the user ends; the user can neither log in nor be notified. */
export type UserDisabled = DomainEvent<'UserDisabled', { readonly userId: string }>;
/** `status` is what the user returns to: a user locked before being disabled is still locked. */
export type UserEnabled = DomainEvent<
  'UserEnabled',
  { readonly userId: string; readonly status: Exclude<UserStatus, 'disabled'> }
>;
/** Every session of the user ends. */
export type UserDeletionRequested = DomainEvent<'UserDeletionRequested', { readonly userId: string }>;
/**
 * An admin took the deletion request back: the user may act again. Sessions the request ended stay ended.
 */
export type UserDeletionRequestWithdrawn = DomainEvent<
  'UserDeletionRequestWithdrawn',
  { readonly userId: string }
>;
/** Too many failed logins within the account's window: every session ends, every login is refused. */
export type UserLocked = DomainEvent<
  'UserLocked',
  { readonly userId: string; readonly failures: number; readonly at: string }
>;
export type UserUnlocked = DomainEvent<'UserUnlocked', { readonly userId: string }>;
/** A single-use reset link was issued; its token is stored hashed elsewhere and never travels in events. */
export type PasswordResetRequested = DomainEvent<
  'PasswordResetRequested',
  { readonly userId: string; readonly resetId: string; readonly expiresAt: string }
>;
/** The reset was completed: the failure count is cleared and every session ends. */
export type UserPasswordReset = DomainEvent<
  'UserPasswordReset',
  { readonly userId: string; readonly resetId: string }
>;

export type UserEvent =
  | UserCreated
  | UserDetailsUpdated
  | UserContactInfoChanged
  | UserLoginSucceeded
  | UserLoginFailed
  | UserSessionEnded
  | UserPasswordChanged
  | UserDisabled
  | UserEnabled
  | UserDeletionRequested
  | UserDeletionRequestWithdrawn
  | UserLocked
  | UserUnlocked
  | PasswordResetRequested
  | UserPasswordReset;
export type UsernameEvent = UsernameReserved;
