import type {
  MobileDeviceRegistered,
  MobileDeviceRemoved,
  MobilePlatform,
  TwoFactorChannel,
  TwoFactorChannelSelected,
} from '@gatehouse/contracts';
import type { AccessState } from '@gatehouse/identity-domain';
import { AccessErrors, MOBILE_DEVICE_NAME_MAX_LENGTH, MOBILE_DEVICES_MAX } from './access.errors';

/**
 * The channel a 2FA PIN goes to first; choosing the channel already chosen changes nothing. `hasMobile`,
 * from the user's profile as the identity lib reads it: SMS and voice need a number to call.
 */
export type SelectTwoFactorChannel = {
  readonly type: 'SelectTwoFactorChannel';
  readonly userId: string;
  readonly actorId: string;
  readonly channel: TwoFactorChannel;
  readonly hasMobile: boolean;
};

const needsMobile: ReadonlySet<TwoFactorChannel> = new Set(['sms', 'voice']);

/** A device of the user's for mobile authentication. Its id and the clock are facts from the edge. */
export type RegisterMobileDevice = {
  readonly type: 'RegisterMobileDevice';
  readonly userId: string;
  readonly deviceId: string;
  readonly name: string;
  readonly platform: MobilePlatform;
  readonly now: string;
};

export type RemoveMobileDevice = {
  readonly type: 'RemoveMobileDevice';
  readonly userId: string;
  readonly actorId: string;
  readonly deviceId: string;
};

export function selectTwoFactorChannel(
  command: SelectTwoFactorChannel,
  state: AccessState,
): TwoFactorChannelSelected[] {
  const { userId, actorId: actor, channel } = command;
  if (state.twoFactorChannel === channel) return [];
  if (needsMobile.has(channel) && !command.hasMobile) throw AccessErrors.twoFactorNeedsMobile();
  return [
    { type: 'TwoFactorChannelSelected', data: { userId, actor, channel, previous: state.twoFactorChannel } },
  ];
}

/** Names tell a user's devices apart in the list, so two may not share one (ignoring case). */
export function registerMobileDevice(
  command: RegisterMobileDevice,
  state: AccessState,
): MobileDeviceRegistered[] {
  const name = command.name.trim();
  if (name.length === 0 || name.length > MOBILE_DEVICE_NAME_MAX_LENGTH)
    throw AccessErrors.deviceNameInvalid();
  const devices = [...state.mobileDevices.values()];
  if (devices.some((device) => device.name.toLowerCase() === name.toLowerCase()))
    throw AccessErrors.deviceNameTaken();
  if (devices.length >= MOBILE_DEVICES_MAX) throw AccessErrors.tooManyDevices();
  const { userId, deviceId, platform, now: registeredAt } = command;
  return [{ type: 'MobileDeviceRegistered', data: { userId, deviceId, name, platform, registeredAt } }];
}

export function removeMobileDevice(command: RemoveMobileDevice, state: AccessState): MobileDeviceRemoved[] {
  if (!state.mobileDevices.has(command.deviceId)) throw AccessErrors.deviceNotFound();
  const { userId, deviceId, actorId: actor } = command;
  return [{ type: 'MobileDeviceRemoved', data: { userId, deviceId, actor } }];
}
