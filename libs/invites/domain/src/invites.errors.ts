import { DomainError } from '@gatehouse/domain-kit';
import { INVITE_EXPIRY_HOURS } from './invite-expiry';

/** Every rule of the invites context has one stable code here. */
export const InviteErrors = {
  notFound: () => new DomainError('INVITE_NOT_FOUND', 'not-found', 'no such invite'),
  alreadyExists: () => new DomainError('INVITE_EXISTS', 'conflict', 'the invite already exists'),
  alreadyAccepted: () =>
    new DomainError('INVITE_ALREADY_ACCEPTED', 'conflict', 'the invite was accepted: its invitee is a user'),
  revoked: () => new DomainError('INVITE_REVOKED', 'conflict', 'the invite was revoked'),
  /** One answer for a wrong, replaced, used, revoked or expired token: a caller learns nothing more. */
  tokenInvalid: () =>
    new DomainError(
      'INVITE_TOKEN_INVALID',
      'unprocessable',
      'the invite link is invalid, used, revoked or expired',
      'token',
    ),
  pending: (inviteId: string) =>
    new DomainError(
      'INVITE_PENDING',
      'conflict',
      `invite ${inviteId} for this email is still pending: resend or revoke it`,
      'email',
    ),
  emailIsUser: () =>
    new DomainError('INVITE_EMAIL_IS_USER', 'conflict', 'a user of the account has this email', 'email'),
  unknownRoles: (roleIds: readonly string[]) =>
    new DomainError(
      'UNKNOWN_ROLE',
      'unprocessable',
      `not in the account's catalog: ${roleIds.join(', ')}`,
      'roles',
    ),
  expiryOutOfRange: () =>
    new DomainError(
      'INVITE_EXPIRY_OUT_OF_RANGE',
      'unprocessable',
      `an invite lives from ${INVITE_EXPIRY_HOURS.min} to ${INVITE_EXPIRY_HOURS.max} hours`,
      'expiryHours',
    ),
};
