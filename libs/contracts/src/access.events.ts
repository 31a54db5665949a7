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

/**
 * Channels a 2FA PIN can be delivered by (product page: "Channel selection for 2FA"); the ones not chosen
 * are the failover, in this order.
 */
export const TwoFactorChannels = ['sms', 'voice', 'email'] as const;
export type TwoFactorChannel = (typeof TwoFactorChannels)[number];

/** The user's preferred 2FA channel; `previous` is null the first time one is chosen. */
export type TwoFactorChannelSelected = DomainEvent<
  'TwoFactorChannelSelected',
  {
    readonly userId: string;
    readonly actor: string;
    readonly channel: TwoFactorChannel;
    readonly previous: TwoFactorChannel | null;
  }
>;

/** Platforms of the Conversations mobile app, the only app mobile authentication supports. */
export const MobilePlatforms = ['ios', 'android'] as const;
export type MobilePlatform = (typeof MobilePlatforms)[number];

/** A device of the user's registered for mobile authentication (product page: "Mobile authentication"). */
export type MobileDeviceRegistered = DomainEvent<
  'MobileDeviceRegistered',
  {
    readonly userId: string;
    readonly deviceId: string;
    readonly name: string;
    readonly platform: MobilePlatform;
    readonly registeredAt: string;
  }
>;

/** A registered device no longer authenticates the user; `actor` is the user or an Account admin. */
export type MobileDeviceRemoved = DomainEvent<
  'MobileDeviceRemoved',
  { readonly userId: string; readonly deviceId: string; readonly actor: string }
>;

export type AccessEvent =
  | IpSafelistChanged
  | ApiAccessChanged
  | ApiKeyIssued
  | ApiKeyRevoked
  | TwoFactorChannelSelected
  | MobileDeviceRegistered
  | MobileDeviceRemoved;
