import type { MobileDeviceRegistered, TwoFactorChannel } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { accessDecider } from './access.decider';

const spec = deciderSpec(accessDecider);
const now = '2026-12-01T12:00:00.000Z';
const select = (channel: TwoFactorChannel, actorId = 'u1', hasMobile = true) =>
  ({ type: 'SelectTwoFactorChannel', userId: 'u1', actorId, channel, hasMobile }) as const;
const selected = (channel: TwoFactorChannel, previous: TwoFactorChannel | null, actor = 'u1') =>
  ({ type: 'TwoFactorChannelSelected', data: { userId: 'u1', actor, channel, previous } }) as const;
const register = (deviceId: string, name: string) =>
  ({ type: 'RegisterMobileDevice', userId: 'u1', deviceId, name, platform: 'android', now }) as const;
const registered = (deviceId: string, name: string): MobileDeviceRegistered => ({
  type: 'MobileDeviceRegistered',
  data: { userId: 'u1', deviceId, name, platform: 'android', registeredAt: now },
});
const remove = (deviceId: string, actorId = 'admin') =>
  ({ type: 'RemoveMobileDevice', userId: 'u1', actorId, deviceId }) as const;

describe('the sign-in settings of access controls', () => {
  describe('when a 2FA channel is chosen', () => {
    it('records the first choice with no previous channel', () => {
      spec
        .given([])
        .when(select('sms'))
        .then([selected('sms', null)]);
    });
    it('records a change with the channel it replaces and who made it', () => {
      spec
        .given([selected('sms', null)])
        .when(select('email', 'admin'))
        .then([selected('email', 'sms', 'admin')]);
    });
    it('refuses SMS or voice for a user with no mobile number, not email', () => {
      spec
        .given([])
        .when(select('sms', 'u1', false))
        .thenThrows('TWO_FACTOR_NEEDS_MOBILE');
      spec
        .given([])
        .when(select('voice', 'u1', false))
        .thenThrows('TWO_FACTOR_NEEDS_MOBILE');
      spec
        .given([])
        .when(select('email', 'u1', false))
        .then([selected('email', null)]);
    });
    it('keeps a chosen channel whose number has gone: choosing it again changes nothing', () => {
      spec
        .given([selected('sms', null)])
        .when(select('sms', 'u1', false))
        .then([]);
    });
    it('records nothing when the channel is already the chosen one', () => {
      spec
        .given([selected('voice', null)])
        .when(select('voice'))
        .then([]);
    });
  });

  describe('when a mobile device is registered', () => {
    it('records it with its trimmed name, platform and time', () => {
      spec
        .given([])
        .when(register('d1', '  Work phone '))
        .then([registered('d1', 'Work phone')]);
    });
    it('refuses a blank or over-long name', () => {
      spec.given([]).when(register('d1', '   ')).thenThrows('MOBILE_DEVICE_NAME_INVALID');
      spec
        .given([])
        .when(register('d1', 'x'.repeat(61)))
        .thenThrows('MOBILE_DEVICE_NAME_INVALID');
      spec
        .given([])
        .when(register('d1', 'x'.repeat(60)))
        .then([registered('d1', 'x'.repeat(60))]);
    });
    it("refuses a name another of the user's devices has, ignoring case", () => {
      spec
        .given([registered('d1', 'Work phone')])
        .when(register('d2', 'WORK PHONE'))
        .thenThrows('MOBILE_DEVICE_NAME_TAKEN');
    });
    it('takes a removed device name again', () => {
      spec
        .given([
          registered('d1', 'Work phone'),
          { type: 'MobileDeviceRemoved', data: { userId: 'u1', deviceId: 'd1', actor: 'u1' } },
        ])
        .when(register('d2', 'Work phone'))
        .then([registered('d2', 'Work phone')]);
    });
    it('refuses an eleventh device', () => {
      const ten = Array.from({ length: 10 }, (_, i) => registered(`d${i}`, `phone ${i}`));
      spec.given(ten).when(register('d10', 'one more')).thenThrows('MOBILE_DEVICE_LIMIT');
      spec
        .given(ten.slice(1))
        .when(register('d10', 'one more'))
        .then([registered('d10', 'one more')]);
    });
  });

  describe('when a mobile device is removed', () => {
    it('records who removed it', () => {
      spec
        .given([registered('d1', 'Work phone')])
        .when(remove('d1'))
        .then([{ type: 'MobileDeviceRemoved', data: { userId: 'u1', deviceId: 'd1', actor: 'admin' } }]);
    });
    it('answers not found for a device never registered or already removed', () => {
      spec.given([]).when(remove('d1')).thenThrows('MOBILE_DEVICE_NOT_FOUND');
      spec
        .given([
          registered('d1', 'Work phone'),
          { type: 'MobileDeviceRemoved', data: { userId: 'u1', deviceId: 'd1', actor: 'u1' } },
        ])
        .when(remove('d1'))
        .thenThrows('MOBILE_DEVICE_NOT_FOUND');
    });
  });
});
