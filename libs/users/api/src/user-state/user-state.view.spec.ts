import type { StoredEvent } from '@gatehouse/contracts';
import { storedTestEvent } from '@gatehouse/testing';
import { userStateAt } from './user-state.view';

const accountId = 'a1';
const event = (streamId: string, streamPosition: number, occurredAt: string, type: string, data: object) =>
  storedTestEvent({ accountId, streamId, streamPosition, occurredAt, type, data });

const user: StoredEvent[] = [
  event('user-u1', 0, '2026-01-01T10:00:00.000Z', 'UserCreated', {
    userId: 'u1',
    accountId,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    username: 'ada',
    mobile: null,
    language: 'en',
    timeZone: 'UTC',
  }),
  event('user-u1', 1, '2026-01-03T10:00:00.000Z', 'UserDisabled', { userId: 'u1' }),
];
const roles = [
  event('role-assignments-u1', 0, '2026-01-02T10:00:00.000Z', 'RoleToggled', {
    userId: 'u1',
    roleId: 'support',
    enabled: true,
  }),
];
const access = [
  event('access-u1', 0, '2026-01-02T12:00:00.000Z', 'IpSafelistChanged', {
    userId: 'u1',
    actor: 'admin',
    before: [],
    after: [{ address: '10.0.0.0/8', label: null }],
  }),
  event('access-u1', 1, '2026-01-04T12:00:00.000Z', 'TwoFactorChannelSelected', {
    userId: 'u1',
    actor: 'u1',
    channel: 'voice',
    previous: null,
  }),
];

describe('a user as they stood at a moment', () => {
  const at = (instant: string) => userStateAt({ user, roles, access }, instant);

  it('is null before the user was created', () => {
    expect(at('2026-01-01T09:59:59.999Z')).toBeNull();
  });
  it('counts an event that occurred at the very moment', () => {
    expect(at('2026-01-01T10:00:00.000Z')?.user).toMatchObject({ status: 'active', roles: [] });
  });
  it('holds the roles and access controls given by then, and nothing after', () => {
    const state = at('2026-01-02T12:00:00.000Z');
    expect(state?.user).toMatchObject({ firstName: 'Ada', status: 'active', roles: ['support'] });
    expect(state?.accessControls).toEqual({
      ipSafelist: [{ address: '10.0.0.0/8', label: null }],
      apiAccess: { http: false, smpp: false },
      twoFactorChannel: null,
      mobileDevices: [],
      apiKeys: [],
    });
  });
  it('shows later changes from their moment on', () => {
    const state = at('2026-01-05T00:00:00.000Z');
    expect(state?.user.status).toBe('disabled');
    expect(state?.accessControls.twoFactorChannel).toBe('voice');
  });
});
