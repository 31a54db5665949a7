import type { StoredEvent } from '@gatehouse/contracts';

// Stored events for users-list tests. Each occurs at minute <stream position> of 2025-01-01,
// so a later position is also a later time.

/** UUIDv7-shaped ids whose order is their number's order, as real v7 ids follow creation time. */
export const testUserId = (n: number): string =>
  `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
export const eventTime = (minute: number): string => new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString();

function event(
  accountId: string,
  streamId: string,
  streamPosition: number,
  type: string,
  data: unknown,
): StoredEvent {
  const id = `${streamId}@${streamPosition}`;
  const base = {
    eventId: id,
    schemaVersion: 1,
    accountId,
    occurredAt: eventTime(streamPosition),
    actor: 'admin',
  };
  const envelope = { ...base, correlationId: id, causationId: null, globalPosition: 1, checkpoint: '1' };
  return { ...envelope, streamId, streamPosition, type, data };
}

export const userCreatedEvent = (
  accountId: string,
  userId: string,
  firstName = 'Ada',
  profile: Record<string, unknown> = {},
): StoredEvent =>
  event(accountId, `user-${userId}`, 0, 'UserCreated', {
    userId,
    firstName,
    lastName: 'Lovelace',
    email: `${userId}@example.com`,
    username: `u-${userId}`,
    mobile: null,
    language: 'en',
    timeZone: 'Europe/London',
    ...profile,
  });

export const userStatusEvent = (
  accountId: string,
  userId: string,
  type: 'UserDisabled' | 'UserLocked' | 'UserDeletionRequested',
  position: number,
): StoredEvent => event(accountId, `user-${userId}`, position, type, { userId });

export const userRenamedEvent = (
  accountId: string,
  userId: string,
  position: number,
  firstName: string,
): StoredEvent =>
  event(accountId, `user-${userId}`, position, 'UserDetailsUpdated', {
    userId,
    changes: { firstName: { from: 'Ada', to: firstName } },
  });

export const userLoginEvent = (
  accountId: string,
  userId: string,
  position: number,
  ip = '203.0.113.7',
): StoredEvent =>
  event(accountId, `user-${userId}`, position, 'UserLoginSucceeded', {
    userId,
    sessionId: 's',
    ip,
    channel: 'password',
  });

export const roleToggledEvent = (
  accountId: string,
  userId: string,
  roleId: string,
  enabled: boolean,
  position: number,
): StoredEvent =>
  event(accountId, `role-assignments-${userId}`, position, 'RoleToggled', { userId, roleId, enabled });

const people = [
  { n: 1, first: 'Zoë', last: 'Ångström', username: 'zoe.a', email: 'zoe@acme.test', language: 'fr' },
  { n: 2, first: 'Ada', last: 'Lovelace', username: 'ada', email: 'countess@acme.test', language: 'en' },
  { n: 3, first: 'Zoltan', last: 'Kodály', username: 'zk', email: 'zk@acme.test', language: 'de' },
  { n: 4, first: 'ada', last: 'Byron', username: 'Ada.B', email: 'byron@acme.test', language: 'en' },
  { n: 5, first: 'Émile', last: 'Zola', username: 'emile', email: 'emile@acme.test', language: 'fr' },
];

/**
 * The query contract's five users: accents, case twins (Ada, ada), logins at minutes 5, 10 and 20 for
 * users 1–3, one role each for them, 3 disabled, 4 locked, 5 with a deletion requested.
 */
export const queryContractHistory = (accountId: string): StoredEvent[] => [
  ...people.map((p) =>
    userCreatedEvent(accountId, testUserId(p.n), p.first, {
      lastName: p.last,
      username: p.username,
      email: p.email,
      language: p.language,
    }),
  ),
  userLoginEvent(accountId, testUserId(1), 5),
  userLoginEvent(accountId, testUserId(2), 10),
  userLoginEvent(accountId, testUserId(3), 20),
  roleToggledEvent(accountId, testUserId(1), 'support', true, 0),
  roleToggledEvent(accountId, testUserId(2), 'account-admin', true, 0),
  roleToggledEvent(accountId, testUserId(3), 'developer', true, 0),
  userStatusEvent(accountId, testUserId(3), 'UserDisabled', 21),
  userStatusEvent(accountId, testUserId(4), 'UserLocked', 1),
  userStatusEvent(accountId, testUserId(5), 'UserDeletionRequested', 1),
];
