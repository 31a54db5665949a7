import type { DomainEvent } from './envelope';
import type { Permission } from './roles.events';

/**
 * Public contract of the access-control context (topic gatehouse.access.v1), schema version 1: one
 * stream per user, `access-<userId>`. API key secrets never appear here — only a key's id, name, the
 * first characters shown to tell keys apart, and its expiry.
 */

/** Protocols a user may reach the platform by with basic authentication (product page: "API access"). */
export const ApiProtocols = ['http', 'smpp'] as const;
export type ApiProtocol = (typeof ApiProtocols)[number];

/**
 * One entry of an IP safelist, canonical: an IPv4 or IPv6 address (IPv6 lower-case and compressed,
 * IPv4-mapped IPv6 written as IPv4) or a CIDR range with no host bits set.
 */
export interface IpSafelistEntry {
  readonly address: string;
  readonly label: string | null;
}

export type IpSafelistChanged = DomainEvent<
  'IpSafelistChanged',
  {
    readonly userId: string;
    /** Who saved the list: the user themselves or an Account admin. */
    readonly actor: string;
    readonly before: readonly IpSafelistEntry[];
    readonly after: readonly IpSafelistEntry[];
  }
>;

export type ApiAccessChanged = DomainEvent<
  'ApiAccessChanged',
  { readonly userId: string; readonly protocol: ApiProtocol; readonly allowed: boolean }
>;

/**
 * A named API key was issued to the user. `permissions` narrows what the key may do to a subset of its
 * owner's (null: all of the owner's); `replaces` names the key a rotation revoked in the same write.
 */
export type ApiKeyIssued = DomainEvent<
  'ApiKeyIssued',
  {
    readonly userId: string;
    readonly keyId: string;
    readonly name: string;
    readonly prefix: string;
    readonly createdAt: string;
    readonly expiresAt: string;
    readonly permissions: readonly Permission[] | null;
    readonly replaces: string | null;
  }
>;

export type ApiKeyRevoked = DomainEvent<
  'ApiKeyRevoked',
  { readonly userId: string; readonly keyId: string; readonly reason: 'revoked' | 'rotated' }
>;

export type AccessEvent = IpSafelistChanged | ApiAccessChanged | ApiKeyIssued | ApiKeyRevoked;
