import type { IpSafelistEntry } from '@gatehouse/contracts';
import * as ipaddr from 'ipaddr.js';
import { AccessErrors, IP_LABEL_MAX_LENGTH } from './access.errors';

/** A dotted quad of plain decimals: no octal or hex parts, no leading zeros, no short forms (`127.1`). */
const isStrictIPv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);
const PREFIX = /^(0|[1-9]\d{0,2})$/;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

function strictAddress(entry: string, text: string): Address {
  if (text.includes('%')) throw AccessErrors.entryInvalid(entry, 'zone ids are not allowed');
  if (isStrictIPv4(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':')) {
    throw AccessErrors.entryInvalid(
      entry,
      'an IPv4 address is four decimal numbers 0-255 without leading zeros',
    );
  }
  // ipaddr.js reads an embedded IPv4 tail (`::ffff:010.1.1.1`) leniently: hold it to the same rule.
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (!ipaddr.IPv6.isValid(text) || (tail.includes('.') && !isStrictIPv4(tail))) {
    throw AccessErrors.entryInvalid(entry, 'not an IPv4 or IPv6 address');
  }
  return ipaddr.IPv6.parse(text);
}

const text = (address: Address): string =>
  address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();

/**
 * One safelist entry as typed, to its canonical form, or a refusal naming it. An address stands for
 * itself (`/32` and `/128` are dropped); a range must have no host bits set (`10.0.0.1/8` is refused with
 * the range it probably meant, rather than silently widened); IPv4-mapped IPv6 entries are written as the
 * IPv4 they carry, since IPv4-mapped clients are matched as IPv4.
 */
export function canonicalEntry(entry: string): string {
  const trimmed = entry.trim();
  const parts = trimmed.split('/');
  if (parts.length > 2) throw AccessErrors.entryInvalid(entry, 'one "/" at most');
  let address = strictAddress(entry, parts[0]);
  const max = address.kind() === 'ipv6' ? 128 : 32;
  if (parts.length === 2 && !PREFIX.test(parts[1])) {
    throw AccessErrors.entryInvalid(entry, 'the prefix length is a number without leading zeros');
  }
  let bits = parts.length === 2 ? Number(parts[1]) : max;
  if (bits > max) throw AccessErrors.entryInvalid(entry, `the prefix length is at most ${max}`);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    if (bits < 96) throw AccessErrors.entryInvalid(entry, 'write an IPv4-mapped range as IPv4');
    address = (address as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  const cidr = `${text(address)}/${bits}`;
  const network =
    address.kind() === 'ipv6'
      ? ipaddr.IPv6.networkAddressFromCIDR(cidr)
      : ipaddr.IPv4.networkAddressFromCIDR(cidr);
  if (text(network) !== text(address)) throw AccessErrors.hostBitsSet(entry, `${text(network)}/${bits}`);
  return bits === (address.kind() === 'ipv6' ? 128 : 32) ? text(address) : `${text(address)}/${bits}`;
}

/** A list as given, canonical and without repeats (the first label of a repeated entry is kept). */
export function canonicalSafelist(
  entries: readonly { readonly address: string; readonly label?: string | null }[],
): IpSafelistEntry[] {
  const seen = new Map<string, IpSafelistEntry>();
  for (const given of entries) {
    const address = canonicalEntry(given.address);
    const label = given.label?.trim() || null;
    if (label && label.length > IP_LABEL_MAX_LENGTH) throw AccessErrors.labelTooLong();
    if (!seen.has(address)) seen.set(address, { address, label });
  }
  return [...seen.values()];
}
