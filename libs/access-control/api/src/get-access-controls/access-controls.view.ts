import type { ApiProtocol, IpSafelistEntry } from '@gatehouse/contracts';
import type { AccessState } from '@gatehouse/identity-domain';

export interface AccessControlsView {
  readonly ipSafelist: readonly IpSafelistEntry[];
  readonly apiAccess: Readonly<Record<ApiProtocol, boolean>>;
}

export const accessControlsView = (state: AccessState): AccessControlsView => ({
  ipSafelist: state.safelist,
  apiAccess: state.apiAccess,
});
