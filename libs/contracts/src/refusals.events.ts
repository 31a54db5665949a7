import type { ApiProtocol } from './access.events';
import type { DomainEvent } from './envelope';

/**
 * Public contract of the shared edge's refusals (topic gatehouse.access.v1), schema version 1: one stream
 * per known user, `refusals-<userId>`, appended by the identity lib in whichever service refused. Ids
 * only: never a password, API key or session token, not even a prefix of one.
 */

/** Why a known user's credential was refused; the caller itself is only ever told "refused". */
export const RefusalReasons = [
  'wrong-password',
  'disabled',
  'locked',
  'deletion-requested',
  'outside-safelist',
  'protocol-not-allowed',
  'api-key-expired',
  'api-key-revoked',
  'session-idle',
  'session-expired',
] as const;
export type RefusalReason = (typeof RefusalReasons)[number];

/** Where the credential was presented: a login, the edge of any service, or the access check. */
export const RefusalChannels = [
  'password-login',
  'basic-auth',
  'api-key',
  'session',
  'access-check',
] as const;
export type RefusalChannel = (typeof RefusalChannels)[number];

/**
 * A refusal of one of the user's credentials. At most one per user and reason a minute is stored:
 * `suppressed` counts the refusals of the same reason that the refusing process held back since its
 * previous record, so the total is kept though the stream stays bounded.
 */
export type AccessRefused = DomainEvent<
  'AccessRefused',
  {
    readonly userId: string;
    readonly reason: RefusalReason;
    readonly channel: RefusalChannel;
    /** The protocol named to the access check or used for basic authentication; null otherwise. */
    readonly protocol: ApiProtocol | null;
    readonly ip: string;
    readonly keyId: string | null;
    readonly sessionId: string | null;
    readonly at: string;
    readonly suppressed: number;
  }
>;

export type RefusalEvent = AccessRefused;
