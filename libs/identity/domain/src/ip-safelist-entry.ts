import { DomainError } from '@gatehouse/domain-kit';
import * as ipaddr from 'ipaddr.js';

/** A dotted quad of plain decimals: no octal or hex parts, no leading zeros, no short forms (`127.1`). */
const isStrictIPv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);
const PREFIX = /^(0|[1-9]\d{0,2})$/;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Why an entry is refused: not an address or range at all, or a range written with its host bits set. */
type Invalid = { readonly invalid: string };
type Refusal = Invalid | { readonly network: string };

function strictAddress(text: string): Address | Invalid {
  if (text.includes('%')) return { invalid: 'zone ids are not allowed' };
  if (isStrictIPv4(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':')) {
    return { invalid: 'an IPv4 address is four decimal numbers 0-255 without leading zeros' };
  }
  // ipaddr.js reads an embedded IPv4 tail (`::ffff:010.1.1.1`) leniently: hold it to the same rule.
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (!ipaddr.IPv6.isValid(text) || (tail.includes('.') && !isStrictIPv4(tail))) {
    return { invalid: 'not an IPv4 or IPv6 address' };
  }
  return ipaddr.IPv6.parse(text);
}

const text = (address: Address): string =>
  address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();

function canonical(entry: string): string | Refusal {
  const parts = entry.trim().split('/');
  if (parts.length > 2) return { invalid: 'one "/" at most' };
  let address = strictAddress(parts[0]);
  if ('invalid' in address) return address;
  const max = address.kind() === 'ipv6' ? 128 : 32;
  if (parts.length === 2 && !PREFIX.test(parts[1])) {
    return { invalid: 'the prefix length is a number without leading zeros' };
  }
  let bits = parts.length === 2 ? Number(parts[1]) : max;
  if (bits > max) return { invalid: `the prefix length is at most ${max}` };
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    if (bits < 96) return { invalid: 'write an IPv4-mapped range as IPv4' };
    address = (address as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  const cidr = `${text(address)}/${bits}`;
  const network =
    address.kind() === 'ipv6'
      ? ipaddr.IPv6.networkAddressFromCIDR(cidr)
      : ipaddr.IPv4.networkAddressFromCIDR(cidr);
  if (text(network) !== text(address)) return { network: `${text(network)}/${bits}` };
  return bits === (address.kind() === 'ipv6' ? 128 : 32) ? text(address) : cidr;
}

/**
 * One safelist entry as typed, to its canonical form, or a refusal naming it and the field that held it
 * (a user's list, or an invite's, which must pass the same rule before the invitee's list is applied). An
 * address stands for itself (`/32` and `/128` are dropped); a range must have no host bits set
 * (`10.0.0.1/8` is refused with the range it probably meant, rather than silently widened); IPv4-mapped
 * IPv6 entries are written as the IPv4 they carry, since IPv4-mapped clients are matched as IPv4.
 */
export function canonicalEntry(entry: string, field = 'entries'): string {
  const result = canonical(entry);
  if (typeof result === 'string') return result;
  if ('network' in result) {
    throw new DomainError(
      'IP_RANGE_HOST_BITS_SET',
      'unprocessable',
      `"${entry}" has host bits set; the range is written ${result.network}`,
      field,
    );
  }
  throw entryInvalid(entry, result.invalid, field);
}

export const entryInvalid = (entry: string, why: string, field = 'entries') =>
  new DomainError('IP_ENTRY_INVALID', 'unprocessable', `"${entry}" is not accepted: ${why}`, field);
