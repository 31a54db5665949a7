import type { IpSafelistEntry } from '@gatehouse/contracts';
import { canonicalEntry } from '@gatehouse/identity-domain';
import { AccessErrors, IP_LABEL_MAX_LENGTH } from './access.errors';

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
