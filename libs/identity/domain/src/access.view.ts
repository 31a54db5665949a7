import type {
  AccessEvent,
  ApiKeyIssued,
  ApiProtocol,
  IpSafelistEntry,
  MobileDeviceRegistered,
  TwoFactorChannel,
} from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';
import { covers, type IpRange, rangeOf } from './ip-match';

/** An API key that has not been revoked (it may have expired: expiry is judged against the clock). */
export type ApiKeyState = Omit<ApiKeyIssued['data'], 'userId' | 'replaces'>;

export type MobileDeviceState = Omit<MobileDeviceRegistered['data'], 'userId'>;

/**
 * One user's access controls (`access-<userId>`), as authentication reads them on every request: the
 * safelist (with its ranges parsed once, when the event is folded, so a check parses nothing), which
 * protocols allow basic authentication, and the live API keys; beside them the settings of sign-in that
 * other services act on (the preferred 2FA channel, null until chosen, and the registered mobile devices).
 * The access-control deciders fold the same view, so what is decided and what is enforced cannot disagree.
 */
export interface AccessState {
  readonly safelist: readonly IpSafelistEntry[];
  readonly ranges: readonly IpRange[];
  readonly apiAccess: Readonly<Record<ApiProtocol, boolean>>;
  readonly apiKeys: ReadonlyMap<string, ApiKeyState>;
  readonly twoFactorChannel: TwoFactorChannel | null;
  readonly mobileDevices: ReadonlyMap<string, MobileDeviceState>;
}

export const accessView: View<AccessState, AccessEvent> = {
  initialState: () => ({
    safelist: [],
    ranges: [],
    apiAccess: { http: false, smpp: false },
    apiKeys: new Map(),
    twoFactorChannel: null,
    mobileDevices: new Map(),
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'IpSafelistChanged':
        return { ...state, safelist: event.data.after, ranges: event.data.after.map(rangeOf) };
      case 'ApiAccessChanged':
        return { ...state, apiAccess: { ...state.apiAccess, [event.data.protocol]: event.data.allowed } };
      case 'ApiKeyIssued': {
        const { keyId, name, prefix, createdAt, expiresAt, permissions } = event.data;
        const key: ApiKeyState = { keyId, name, prefix, createdAt, expiresAt, permissions };
        return { ...state, apiKeys: new Map(state.apiKeys).set(keyId, key) };
      }
      case 'ApiKeyRevoked': {
        const apiKeys = new Map(state.apiKeys);
        apiKeys.delete(event.data.keyId);
        return { ...state, apiKeys };
      }
      case 'TwoFactorChannelSelected':
        return { ...state, twoFactorChannel: event.data.channel };
      case 'MobileDeviceRegistered': {
        const { deviceId, name, platform, registeredAt } = event.data;
        const device: MobileDeviceState = { deviceId, name, platform, registeredAt };
        return { ...state, mobileDevices: new Map(state.mobileDevices).set(deviceId, device) };
      }
      case 'MobileDeviceRemoved': {
        const mobileDevices = new Map(state.mobileDevices);
        mobileDevices.delete(event.data.deviceId);
        return { ...state, mobileDevices };
      }
      default:
        return state;
    }
  },
};

/** The product's rule: an empty safelist allows every address; otherwise the address must be in it. */
export const ipAllowed = (state: AccessState, ip: string): boolean =>
  state.safelist.length === 0 || covers(state.ranges, ip);

/** A key that may be used at `now`: issued, not revoked, not yet expired. */
export function liveKey(state: AccessState, keyId: string, now: Date): ApiKeyState | null {
  const key = state.apiKeys.get(keyId);
  return key && Date.parse(key.expiresAt) > now.getTime() ? key : null;
}
