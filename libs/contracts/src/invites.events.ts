import type { DomainEvent } from './envelope';
import type { LanguageTag } from './languages';

/**
 * Public contract of the invites context (topic gatehouse.invites.v1), schema version 1. No event carries
 * an invite token or its hash: those live in the secret store only, and only the invitee's email holds one.
 */

/** Who is invited: what the invitee becomes once they accept, except what they choose then. */
export interface Invitee {
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly language: LanguageTag;
  readonly timeZone: string;
}

/**
 * Access controls chosen for a user before it exists: by the inviter, or by the admin creating the user.
 * The invites and users contexts only carry them; the access-control context applies them once the user
 * exists (from UserCreated).
 */
export interface InitialAccessControls {
  readonly ipSafelist?: readonly string[];
  readonly apiAccess?: readonly string[];
}

/**
 * `sendId` names the link of this send: a resend issues a new one, and only the token of the latest send
 * is accepted. `expiresAt` is the deadline: an invite past it is expired, with no event of its own.
 */
export type UserInvited = DomainEvent<
  'UserInvited',
  {
    readonly inviteId: string;
    readonly accountId: string;
    readonly invitee: Invitee;
    readonly roles: readonly string[];
    readonly accessControls: InitialAccessControls | null;
    readonly invitedBy: string;
    readonly sendId: string;
    readonly expiresAt: string;
  }
>;
export type InviteResent = DomainEvent<
  'InviteResent',
  { readonly inviteId: string; readonly sendId: string; readonly expiresAt: string }
>;
export type InviteRevoked = DomainEvent<'InviteRevoked', { readonly inviteId: string }>;
/** The invitee is user `userId` (created by the users context) with the invite's roles and controls. */
export type InviteAccepted = DomainEvent<
  'InviteAccepted',
  {
    readonly inviteId: string;
    readonly userId: string;
    readonly roles: readonly string[];
    readonly accessControls: InitialAccessControls | null;
  }
>;
/**
 * Invite `inviteId` holds an email of an account (a guard stream named by a keyed hash of the account and
 * the normalised email), so two pending invites for one email cannot both be written.
 */
export type InviteEmailClaimed = DomainEvent<'InviteEmailClaimed', { readonly inviteId: string }>;
/** How long a new or resent invite stays valid in the account, in hours. */
export type InviteSettingsChanged = DomainEvent<
  'InviteSettingsChanged',
  { readonly expiryHours: { readonly from: number; readonly to: number } }
>;

export type InviteEvent = UserInvited | InviteResent | InviteRevoked | InviteAccepted;
