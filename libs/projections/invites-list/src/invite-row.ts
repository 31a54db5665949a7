/**
 * What an invite's events store: `expired` is never stored, since an invite expires by its deadline with no
 * event of its own; a query judges it against its own `now` (see invites-list.declaration.ts).
 */
export type StoredInviteStatus = 'pending' | 'accepted' | 'revoked';
export type InviteStatus = StoredInviteStatus | 'expired';

/** One line of the invites list, as the API shows it. */
export interface InviteRow {
  readonly inviteId: string;
  readonly email: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly roles: readonly string[];
  readonly invitedBy: string;
  readonly invitedAt: string;
  /** When the latest link was sent: the invite, or its last resend. */
  readonly lastSentAt: string;
  readonly expiresAt: string;
  readonly status: InviteStatus;
  /** The user the invitee became, once accepted (the invite's id, see the acceptance ADR). */
  readonly userId: string | null;
}

/** The columns a write may set: the row's id is the invite's. */
export type InviteFields = Omit<InviteRow, 'inviteId' | 'status'> & { readonly status: StoredInviteStatus };
