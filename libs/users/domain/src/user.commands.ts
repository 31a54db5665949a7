import type { DetailChanges } from './user.profile';
import type {
  InitialAccessControls,
  LockoutPolicy,
  SessionEndReason,
  LoginChannel,
  PasswordPolicy,
  UserInviteOrigin,
  UserProfile,
} from '@gatehouse/contracts';

/**
 * Commands on one user's stream. Facts that need I/O or a clock arrive in the command: whether a password
 * matched its stored hash, whether the actor is an Account admin, the account's policies, the time.
 * Commands that target a user by URL carry the account the caller addressed: another account's user
 * does not exist for them.
 */
export type CreateUser = {
  readonly type: 'CreateUser';
  readonly userId: string;
  readonly accountId: string;
  readonly profile: UserProfile;
  /** The roles to grant, each once; `known` is the account's role catalog, read first (roles are never removed). */
  readonly roles: readonly string[];
  readonly knownRoles: ReadonlySet<string>;
  /** The invite the user accepted, when created from one. */
  readonly invite?: UserInviteOrigin;
  /** The access controls the admin creating the user chose (an invitee's come with the invite). */
  readonly accessControls?: InitialAccessControls;
  /** The link to choose a first password, for a user an admin creates (an invitee chose theirs). */
  readonly firstPassword?: { readonly resetId: string; readonly expiresAt: string };
};
export type UpdateUserDetails = {
  readonly type: 'UpdateUserDetails';
  readonly accountId: string;
  readonly changes: DetailChanges;
  readonly actorIsAccountAdmin: boolean;
};
export type ChangeContactInfo = {
  readonly type: 'ChangeContactInfo';
  readonly accountId: string;
  readonly email: string;
  readonly mobile: string | null;
};
export type ChangePassword = {
  readonly type: 'ChangePassword';
  readonly accountId: string;
  readonly actorId: string;
  readonly sessionId: string;
  readonly currentPasswordMatches: boolean;
  readonly newPassword: string;
  readonly policy: PasswordPolicy;
};
export type DisableUser = {
  readonly type: 'DisableUser';
  readonly accountId: string;
  readonly actorId: string;
};
export type EnableUser = { readonly type: 'EnableUser'; readonly accountId: string };
/**
 * `selfAsAccountAdmin`: an Account admin asks for their own deletion, which would end their access at once;
 * as the only one, it would leave the account with nobody to manage it or take the request back.
 */
export type RequestDeletion = {
  readonly type: 'RequestDeletion';
  readonly accountId: string;
  readonly selfAsAccountAdmin?: boolean;
};
export type WithdrawDeletionRequest = {
  readonly type: 'WithdrawDeletionRequest';
  readonly accountId: string;
};
export type RecordLoginAttempt = {
  readonly type: 'RecordLoginAttempt';
  readonly sessionId: string;
  readonly ip: string;
  readonly channel: LoginChannel;
  readonly at: string;
  /** Shown in the user's list of sessions; absent when the client sent none. */
  readonly userAgent?: string;
  readonly passwordMatches: boolean;
  readonly lockout: LockoutPolicy;
};
export type EndSession = {
  readonly type: 'EndSession';
  /** Present when a user or an admin ends it from the list: another account's user does not exist. */
  readonly accountId?: string;
  readonly sessionId: string;
  readonly reason: SessionEndReason;
};
export type UnlockUser = {
  readonly type: 'UnlockUser';
  readonly accountId: string;
  readonly resetId: string;
  readonly expiresAt: string;
};
/** An admin sends the user a single-use link to choose a new password, replacing any link sent before. */
export type SendPasswordReset = {
  readonly type: 'SendPasswordReset';
  readonly accountId: string;
  readonly resetId: string;
  readonly expiresAt: string;
};
export type CompletePasswordReset = {
  readonly type: 'CompletePasswordReset';
  readonly resetId: string;
  readonly newPassword: string;
  readonly policy: PasswordPolicy;
  readonly now: string;
};

export type UserCommand =
  | CreateUser
  | UpdateUserDetails
  | ChangeContactInfo
  | ChangePassword
  | DisableUser
  | EnableUser
  | RequestDeletion
  | WithdrawDeletionRequest
  | RecordLoginAttempt
  | EndSession
  | UnlockUser
  | SendPasswordReset
  | CompletePasswordReset;
