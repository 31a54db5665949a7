import type { StoredEvent } from '@gatehouse/contracts';
import { usersListProjection } from './users-list.projection';

const accountId = 'acct-1';
const userId = '0190a000-0000-7000-8000-000000000001';
const streamId = `user-${userId}`;
const at = '2025-01-02T03:04:05.000Z';

function stored(type: string, data: unknown, streamPosition: number, stream = streamId): StoredEvent {
  return {
    eventId: `evt-${stream}-${streamPosition}`,
    type,
    schemaVersion: 1,
    accountId,
    occurredAt: at,
    actor: 'admin-1',
    correlationId: 'corr-1',
    causationId: null,
    data,
    streamId: stream,
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

/** The one write a user event at position 3 causes, setting these fields. */
const upsert = (fields: Record<string, unknown>) => [
  { kind: 'upsert', accountId, rowId: userId, columns: fields, source: { streamId, streamPosition: 3 } },
];

describe('usersListProjection', () => {
  it('declares exactly the event types it has reducers for', () => {
    expect([...usersListProjection.handles].sort()).toEqual([
      'RoleToggled',
      'UserContactInfoChanged',
      'UserCreated',
      'UserDeletionRequestWithdrawn',
      'UserDeletionRequested',
      'UserDetailsUpdated',
      'UserDisabled',
      'UserEnabled',
      'UserLocked',
      'UserLoginSucceeded',
      'UserUnlocked',
    ]);
  });

  describe('on UserCreated', () => {
    it('upserts a complete active row that has never logged in, without the account id as a column', () => {
      const event = stored('UserCreated', { userId, accountId, ...profile }, 0);
      expect(usersListProjection.project(event)).toEqual([
        {
          kind: 'upsert',
          accountId,
          rowId: userId,
          columns: {
            ...profile,
            status: 'active',
            createdAt: at,
            lastLoginAt: null,
            lastLoginIp: null,
            lastLoginChannel: null,
            deletionRequestedAt: null,
          },
          source: { streamId, streamPosition: 0 },
        },
      ]);
    });
  });

  describe('on edits', () => {
    it('sets the new values of changed details', () => {
      const changes = { firstName: { from: 'Ada', to: 'Augusta' }, language: { from: 'en', to: 'fr' } };
      expect(usersListProjection.project(stored('UserDetailsUpdated', { userId, changes }, 3))).toEqual(
        upsert({ firstName: 'Augusta', language: 'fr' }),
      );
    });
    it('sets the new email and mobile', () => {
      const changes = {
        email: { from: 'a@x.org', to: 'b@x.org' },
        mobile: { from: '+4477009001', to: null },
      };
      expect(usersListProjection.project(stored('UserContactInfoChanged', { userId, changes }, 3))).toEqual(
        upsert({ email: 'b@x.org', mobile: null }),
      );
    });
  });

  describe('on UserLoginSucceeded', () => {
    it('sets the last login time, address and channel, and nothing else', () => {
      const data = { userId, sessionId: 's-1', ip: '203.0.113.7', channel: 'password' };
      expect(usersListProjection.project(stored('UserLoginSucceeded', data, 3))).toEqual(
        upsert({ lastLoginAt: at, lastLoginIp: '203.0.113.7', lastLoginChannel: 'password' }),
      );
    });
  });

  describe('on status changes', () => {
    it.each([
      ['UserDisabled', { userId }, 'disabled'],
      ['UserEnabled', { userId, status: 'active' }, 'active'],
      ['UserEnabled', { userId, status: 'locked' }, 'locked'],
      ['UserLocked', { userId, failures: 5, at }, 'locked'],
      ['UserUnlocked', { userId }, 'active'],
    ])('%s %j sets the status to %s', (type, data, status) => {
      expect(usersListProjection.project(stored(type, data, 3))).toEqual(upsert({ status }));
    });
  });

  describe('on UserDeletionRequested', () => {
    it('records when the deletion was requested', () => {
      expect(usersListProjection.project(stored('UserDeletionRequested', { userId }, 3))).toEqual(
        upsert({ deletionRequestedAt: at }),
      );
    });
  });

  describe('on UserDeletionRequestWithdrawn', () => {
    it('clears when the deletion was requested', () => {
      expect(usersListProjection.project(stored('UserDeletionRequestWithdrawn', { userId }, 3))).toEqual(
        upsert({ deletionRequestedAt: null }),
      );
    });
  });

  describe('on RoleToggled', () => {
    it.each([true, false])('toggles the role for the named user (enabled: %s)', (enabled) => {
      const event = stored(
        'RoleToggled',
        { userId, roleId: 'account-admin', enabled },
        7,
        `role-assignments-${userId}`,
      );
      expect(usersListProjection.project(event)).toEqual([
        {
          kind: 'toggle',
          accountId,
          rowId: userId,
          column: 'roles',
          item: 'account-admin',
          present: enabled,
          source: { streamId: `role-assignments-${userId}`, streamPosition: 7 },
        },
      ]);
    });
  });

  describe('on an event it does not handle', () => {
    it.each([
      'UserSessionEnded',
      'UserLoginFailed',
      'UserPasswordChanged',
      'PasswordResetRequested',
      'AccountCreated',
      'toString',
      'constructor',
    ])('writes nothing for %s', (type) => {
      expect(usersListProjection.project(stored(type, { userId }, 1))).toEqual([]);
    });
  });
});
