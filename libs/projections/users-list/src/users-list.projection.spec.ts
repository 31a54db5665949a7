import type { StoredEvent } from '@gatehouse/contracts';
import { usersListProjection } from './users-list.projection';

const accountId = 'acct-1';
const userId = '0190a000-0000-7000-8000-000000000001';

function stored(type: string, data: unknown, streamId: string, streamPosition: number): StoredEvent {
  return {
    eventId: `evt-${streamId}-${streamPosition}`,
    type,
    schemaVersion: 1,
    accountId,
    occurredAt: '2025-01-02T03:04:05.000Z',
    actor: 'admin-1',
    correlationId: 'corr-1',
    causationId: null,
    data,
    streamId,
    streamPosition,
    globalPosition: 42,
    checkpoint: '42',
  };
}

const profile = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  username: 'ada',
  mobile: null,
  language: 'en',
  timeZone: 'Europe/London',
};

describe('usersListProjection', () => {
  it('declares exactly the event types it has reducers for', () => {
    expect([...usersListProjection.handles].sort()).toEqual([
      'RoleToggled',
      'UserCreated',
      'UserLoginSucceeded',
    ]);
  });

  describe('on UserCreated', () => {
    it('upserts a complete active row that has never logged in', () => {
      const event = stored('UserCreated', { userId, ...profile }, `user-${userId}`, 0);
      expect(usersListProjection.project(event)).toEqual([
        {
          kind: 'upsert-user',
          accountId,
          userId,
          fields: {
            ...profile,
            status: 'active',
            createdAt: '2025-01-02T03:04:05.000Z',
            lastLoginAt: null,
            lastLoginIp: null,
            lastLoginChannel: null,
          },
          source: { streamId: `user-${userId}`, streamPosition: 0 },
        },
      ]);
    });
  });

  describe('on UserLoginSucceeded', () => {
    it('sets the last login time, address and channel, and nothing else', () => {
      const data = { userId, sessionId: 's-1', ip: '203.0.113.7', channel: 'password' };
      const event = stored('UserLoginSucceeded', data, `user-${userId}`, 3);
      expect(usersListProjection.project(event)).toEqual([
        {
          kind: 'upsert-user',
          accountId,
          userId,
          fields: {
            lastLoginAt: '2025-01-02T03:04:05.000Z',
            lastLoginIp: '203.0.113.7',
            lastLoginChannel: 'password',
          },
          source: { streamId: `user-${userId}`, streamPosition: 3 },
        },
      ]);
    });
  });

  describe('on RoleToggled', () => {
    it.each([true, false])('toggles the role for the named user (enabled: %s)', (enabled) => {
      const event = stored(
        'RoleToggled',
        { userId, roleId: 'account-admin', enabled },
        `roles-${accountId}`,
        7,
      );
      expect(usersListProjection.project(event)).toEqual([
        {
          kind: 'toggle-role',
          accountId,
          userId,
          roleId: 'account-admin',
          enabled,
          source: { streamId: `roles-${accountId}`, streamPosition: 7 },
        },
      ]);
    });
  });

  describe('on an event it does not handle', () => {
    it.each(['UserSessionEnded', 'AccountCreated', 'toString', 'constructor'])(
      'writes nothing for %s',
      (type) => {
        expect(usersListProjection.project(stored(type, { userId }, `user-${userId}`, 1))).toEqual([]);
      },
    );
  });
});
