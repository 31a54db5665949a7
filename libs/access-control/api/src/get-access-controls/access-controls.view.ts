import {
  type ApiProtocol,
  type IpSafelistEntry,
  type TwoFactorChannel,
  TwoFactorChannels,
} from '@gatehouse/contracts';
import type { AccessState, MobileDeviceState } from '@gatehouse/identity-domain';

export interface AccessControlsView {
  readonly ipSafelist: readonly IpSafelistEntry[];
  readonly apiAccess: Readonly<Record<ApiProtocol, boolean>>;
  /** The chosen channel (null until one is), and the channels a PIN fails over to, in order. */
  readonly twoFactor: {
    readonly channel: TwoFactorChannel | null;
    readonly failover: readonly TwoFactorChannel[];
  };
  /** Registered for mobile authentication, oldest first. */
  readonly mobileDevices: readonly MobileDeviceState[];
}

export const accessControlsView = (state: AccessState): AccessControlsView => ({
  ipSafelist: state.safelist,
  apiAccess: state.apiAccess,
  twoFactor: {
    channel: state.twoFactorChannel,
    failover: TwoFactorChannels.filter((channel) => channel !== state.twoFactorChannel),
  },
  // Insertion order is registration order: the stream is folded oldest first.
  mobileDevices: [...state.mobileDevices.values()],
});
