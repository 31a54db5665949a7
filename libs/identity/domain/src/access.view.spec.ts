import type { AccessEvent } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { accessView, ipAllowed, liveKey } from './access.view';

const listOf = (...addresses: string[]) =>
  fold(accessView.evolve, accessView.initialState(), [
    {
      type: 'IpSafelistChanged',
      data: {
        userId: 'u1',
        actor: 'a',
        before: [],
        after: addresses.map((address) => ({ address, label: null })),
      },
    },
  ]);

describe('the access view as authentication reads it', () => {
  describe('when the safelist is empty', () => {
    it('allows every address, even one that cannot be read', () => {
      expect(ipAllowed(listOf(), '203.0.113.7')).toBe(true);
      expect(ipAllowed(listOf(), '')).toBe(true);
    });
  });

  describe('when the safelist has entries', () => {
    it.each([
      ['203.0.113.7', '203.0.113.7', true],
      ['203.0.113.7', '203.0.113.8', false],
      ['10.0.0.0/8', '10.255.255.255', true],
      ['10.0.0.0/8', '11.0.0.0', false],
      ['0.0.0.0/0', '198.51.100.1', true],
      ['0.0.0.0/0', '2001:db8::1', false],
      ['::/0', '2001:db8::1', true],
      ['::/0', '198.51.100.1', false],
      ['2001:db8::1', '2001:DB8:0::1', true],
      ['2001:db8::/64', '2001:db8::ffff:1', true],
      ['2001:db8::/64', '2001:db8:0:1::1', false],
      ['127.0.0.1', '::ffff:127.0.0.1', true],
      ['::1', '127.0.0.1', false],
      ['10.0.0.0/8', '', false],
      ['10.0.0.0/8', 'not-an-ip', false],
    ])('with %s, %s is allowed: %s', (entry, ip, allowed) => {
      expect(ipAllowed(listOf(entry), ip)).toBe(allowed);
    });
  });

  describe('when reading API keys', () => {
    const events: AccessEvent[] = [
      {
        type: 'ApiKeyIssued',
        data: {
          userId: 'u1',
          keyId: 'k1',
          name: 'ci',
          prefix: 'ghk_abcd',
          createdAt: '2026-01-01T00:00:00Z',
          expiresAt: '2026-02-01T00:00:00Z',
          permissions: null,
          replaces: null,
        },
      },
    ];
    const state = fold(accessView.evolve, accessView.initialState(), events);
    it('takes a key until it expires, and never after it is revoked', () => {
      expect(liveKey(state, 'k1', new Date('2026-01-31T23:59:59Z'))?.name).toBe('ci');
      expect(liveKey(state, 'k1', new Date('2026-02-01T00:00:00Z'))).toBeNull();
      const revoked = accessView.evolve(state, {
        type: 'ApiKeyRevoked',
        data: { userId: 'u1', keyId: 'k1', reason: 'revoked' },
      });
      expect(liveKey(revoked, 'k1', new Date('2026-01-02T00:00:00Z'))).toBeNull();
    });
  });

  describe('when reading the sign-in settings', () => {
    const device = (deviceId: string, name: string): AccessEvent => ({
      type: 'MobileDeviceRegistered',
      data: { userId: 'u1', deviceId, name, platform: 'ios', registeredAt: '2026-01-01T00:00:00Z' },
    });
    it('has no 2FA channel until one is chosen, then the latest choice', () => {
      expect(accessView.initialState().twoFactorChannel).toBeNull();
      const chosen = fold(accessView.evolve, accessView.initialState(), [
        {
          type: 'TwoFactorChannelSelected',
          data: { userId: 'u1', actor: 'u1', channel: 'sms', previous: null },
        },
        {
          type: 'TwoFactorChannelSelected',
          data: { userId: 'u1', actor: 'a', channel: 'voice', previous: 'sms' },
        },
      ]);
      expect(chosen.twoFactorChannel).toBe('voice');
    });
    it('holds the registered devices until each is removed', () => {
      const state = fold(accessView.evolve, accessView.initialState(), [
        device('d1', 'phone'),
        device('d2', 'tablet'),
        { type: 'MobileDeviceRemoved', data: { userId: 'u1', deviceId: 'd1', actor: 'a' } },
      ]);
      expect([...state.mobileDevices.values()]).toEqual([
        { deviceId: 'd2', name: 'tablet', platform: 'ios', registeredAt: '2026-01-01T00:00:00Z' },
      ]);
    });
  });
});
