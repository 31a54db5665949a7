import type { IpSafelistChanged, IpSafelistEntry } from '@gatehouse/contracts';
import {
  type AccessState,
  canonicalAddress,
  clientAddress,
  covers,
  entryInvalid,
  rangeOf,
} from '@gatehouse/identity-domain';
import { AccessErrors, IP_SAFELIST_MAX_ENTRIES } from './access.errors';
import { canonicalSafelist } from './canonical-safelist';

/**
 * Saves a user's whole list. `clientIp` is the address the request came from, as the server saw it: a
 * user saving their own non-empty list must stay inside it (product page: "add your IP address before
 * you save"); an Account admin editing someone else's list is not held to that.
 */
export type SetIpSafelist = {
  readonly type: 'SetIpSafelist';
  readonly userId: string;
  readonly actorId: string;
  readonly clientIp: string;
  readonly entries: readonly { readonly address: string; readonly label?: string | null }[];
};

/** "Add current IP": adds the caller's own address, unless the list already lets it in. */
export type AddCurrentIp = {
  readonly type: 'AddCurrentIp';
  readonly userId: string;
  readonly actorId: string;
  readonly clientIp: string;
  readonly label: string | null;
};

const sameList = (a: readonly IpSafelistEntry[], b: readonly IpSafelistEntry[]): boolean =>
  a.length === b.length &&
  a.every((entry, i) => entry.address === b[i].address && entry.label === b[i].label);

function changed(
  state: AccessState,
  command: { userId: string; actorId: string },
  after: readonly IpSafelistEntry[],
): IpSafelistChanged[] {
  if (after.length > IP_SAFELIST_MAX_ENTRIES) throw AccessErrors.tooManyEntries();
  if (sameList(state.safelist, after)) return [];
  const { userId, actorId: actor } = command;
  return [{ type: 'IpSafelistChanged', data: { userId, actor, before: state.safelist, after } }];
}

export function setIpSafelist(command: SetIpSafelist, state: AccessState): IpSafelistChanged[] {
  const after = canonicalSafelist(command.entries);
  const own = command.actorId === command.userId;
  if (own && after.length > 0 && !covers(after.map(rangeOf), command.clientIp)) {
    throw AccessErrors.selfLockout();
  }
  return changed(state, command, after);
}

/** An invite's list, set for the user the invitee became: nobody calls from anywhere yet, so no lockout guard. */
export function setInvitedSafelist(
  command: { readonly userId: string; readonly actorId: string; readonly entries: readonly string[] },
  state: AccessState,
): IpSafelistChanged[] {
  return changed(state, command, canonicalSafelist(command.entries.map((address) => ({ address }))));
}

export function addCurrentIp(command: AddCurrentIp, state: AccessState): IpSafelistChanged[] {
  const address = clientAddress(command.clientIp);
  if (!address) throw entryInvalid(command.clientIp, 'the client address cannot be read');
  if (state.safelist.length > 0 && covers(state.ranges, command.clientIp)) return [];
  const entry = { address: canonicalAddress(address), label: command.label?.trim() || null };
  return changed(state, command, [...state.safelist, entry]);
}
