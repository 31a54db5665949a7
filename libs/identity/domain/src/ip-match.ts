import type { IpSafelistEntry } from '@gatehouse/contracts';
import * as ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** A safelist entry parsed once for matching: the network and how many leading bits must agree. */
export type IpRange = readonly [Address, number];

/**
 * A client address as the server saw it, ready to match: an IPv4-mapped IPv6 peer (`::ffff:a.b.c.d`, what
 * a dual-stack socket reports for an IPv4 client) becomes the IPv4 address it carries. Null when the
 * address cannot be read (then no non-empty list covers it).
 */
export function clientAddress(ip: string): Address | null {
  if (!ipaddr.isValid(ip)) return null;
  return ipaddr.process(ip);
}

/** The canonical text of a client address, as an entry holding exactly it would be written. */
export function canonicalAddress(address: Address): string {
  return address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
}

/** Entries are stored canonical (see the access-control decider), so this parse never meets bad input. */
export function rangeOf(entry: IpSafelistEntry): IpRange {
  if (entry.address.includes('/')) return ipaddr.parseCIDR(entry.address);
  const address = ipaddr.parse(entry.address);
  return [address, address.kind() === 'ipv6' ? 128 : 32];
}

/** Whether a client address falls in one of the ranges; an IPv4 address never matches an IPv6 range. */
export function covers(ranges: readonly IpRange[], ip: string): boolean {
  const address = clientAddress(ip);
  if (!address) return false;
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}
