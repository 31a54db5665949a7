import { type ApiProtocol, ApiProtocols, type InitialAccessControls } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { canonicalEntry } from './ip-safelist-entry';

/**
 * Access controls chosen for a user before it exists (by an invite, or by the admin creating the user), as
 * the access-control context will apply them: each safelist entry canonical by that context's rule, once;
 * each protocol one it knows. The user's logins are refused until their controls are applied
 * (initialAccessPending), so controls that context would refuse are refused here, to the admin choosing
 * them, not found out once the user exists and can never log in.
 */
export function initialAccessControls(controls: InitialAccessControls): InitialAccessControls {
  const { ipSafelist, apiAccess } = controls;
  const unknown = (apiAccess ?? []).filter((protocol) => !ApiProtocols.includes(protocol as ApiProtocol));
  if (unknown.length > 0) {
    throw new DomainError(
      'API_PROTOCOL_UNKNOWN',
      'unprocessable',
      `not an API access protocol: ${unknown.join(', ')} (known: ${ApiProtocols.join(', ')})`,
      'accessControls.apiAccess',
    );
  }
  if (ipSafelist === undefined) return controls;
  const canonical = ipSafelist.map((entry) => canonicalEntry(entry, 'accessControls.ipSafelist'));
  return { ...controls, ipSafelist: [...new Set(canonical)] };
}

/** Whether the controls restrict anything: a user created with such controls waits for them to apply. */
export const restrictsAccess = (controls: InitialAccessControls | null | undefined): boolean =>
  Boolean(controls?.ipSafelist?.length || controls?.apiAccess?.length);
