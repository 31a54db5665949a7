import type { ApiKeyIssued, IpSafelistChanged, IpSafelistEntry, Permission } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { accessDecider } from './access.decider';

const spec = deciderSpec(accessDecider);
const entry = (address: string, label: string | null = null): IpSafelistEntry => ({ address, label });
const changed = (
  before: IpSafelistEntry[],
  after: IpSafelistEntry[],
  actor = 'admin',
): IpSafelistChanged => ({ type: 'IpSafelistChanged', data: { userId: 'u1', actor, before, after } });
const set = (actorId: string, clientIp: string, ...addresses: string[]) =>
  ({
    type: 'SetIpSafelist',
    userId: 'u1',
    actorId,
    clientIp,
    entries: addresses.map((address) => ({ address })),
  }) as const;
const addCurrent = (clientIp: string, actorId = 'u1') =>
  ({ type: 'AddCurrentIp', userId: 'u1', actorId, clientIp, label: null }) as const;

const now = '2026-12-01T12:00:00.000Z';
const inDays = (days: number) => new Date(Date.parse(now) + days * 86_400_000).toISOString();
const owner: ReadonlySet<Permission> = new Set(['users:read', 'users:manage']);
const issue = (name: string, overrides: Partial<{ expiresAt: string; permissions: Permission[] }> = {}) =>
  ({
    type: 'IssueApiKey',
    userId: 'u1',
    keyId: `k-${name}`,
    prefix: 'ghk_abcd',
    name,
    now,
    expiresAt: inDays(30),
    permissions: null,
    ownerPermissions: owner,
    ...overrides,
  }) as const;
const issued = (name: string, overrides: Partial<ApiKeyIssued['data']> = {}): ApiKeyIssued => ({
  type: 'ApiKeyIssued',
  data: {
    userId: 'u1',
    keyId: `k-${name}`,
    name,
    prefix: 'ghk_abcd',
    createdAt: now,
    expiresAt: inDays(30),
    permissions: null,
    replaces: null,
    ...overrides,
  },
});

describe("a user's IP safelist", () => {
  describe("when an Account admin saves another user's list", () => {
    it('records the list canonical, with the entries before and after', () => {
      spec
        .given([changed([], [entry('10.0.0.0/8')])])
        .when(set('admin', '198.51.100.1', '2001:DB8::1', '10.0.0.0/8'))
        .then([changed([entry('10.0.0.0/8')], [entry('2001:db8::1'), entry('10.0.0.0/8')])]);
    });
    it('is not held to cover the address the admin calls from', () => {
      spec
        .given([])
        .when(set('admin', '198.51.100.1', '203.0.113.7'))
        .then([changed([], [entry('203.0.113.7')])]);
    });
    it('records nothing when the list is as it was', () => {
      spec
        .given([changed([], [entry('10.0.0.0/8')])])
        .when(set('admin', '198.51.100.1', '10.0.0.0/8'))
        .then([]);
    });
    it('empties the list, allowing every address again', () => {
      spec
        .given([changed([], [entry('10.0.0.0/8')])])
        .when(set('admin', '198.51.100.1'))
        .then([changed([entry('10.0.0.0/8')], [])]);
    });
    it('refuses more than 100 distinct entries, but counts repeats once', () => {
      const many = Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`);
      spec
        .given([])
        .when(set('admin', '10.0.0.1', ...many))
        .thenThrows('IP_SAFELIST_TOO_LONG');
      const repeated = [...many.slice(0, 100), '10.0.0.0/24'];
      expect(
        accessDecider.decide(set('admin', '10.0.0.1', ...repeated), accessDecider.initialState()),
      ).toHaveLength(1);
    });
    it('refuses a bad entry, naming it', () => {
      spec
        .given([])
        .when(set('admin', '10.0.0.1', '10.0.0.1', '010.0.0.2'))
        .thenThrows('IP_ENTRY_INVALID');
      spec
        .given([])
        .when(set('admin', '10.0.0.1', '10.0.0.1/8'))
        .thenThrows('IP_RANGE_HOST_BITS_SET');
    });
  });

  describe('when users save their own list', () => {
    it('refuses a list that leaves out the address they call from', () => {
      spec
        .given([])
        .when(set('u1', '198.51.100.1', '203.0.113.0/24'))
        .thenThrows('IP_SAFELIST_SELF_LOCKOUT');
    });
    it('accepts a list that covers it, by address or range', () => {
      spec
        .given([])
        .when(set('u1', '203.0.113.9', '203.0.113.0/24'))
        .then([changed([], [entry('203.0.113.0/24')], 'u1')]);
    });
    it('matches an IPv4-mapped IPv6 caller as IPv4', () => {
      spec
        .given([])
        .when(set('u1', '::ffff:203.0.113.9', '203.0.113.9'))
        .then([changed([], [entry('203.0.113.9')], 'u1')]);
    });
    it('matches an IPv6 caller against IPv6 ranges only', () => {
      spec
        .given([])
        .when(set('u1', '2001:db8::5', '2001:db8::/64'))
        .then([changed([], [entry('2001:db8::/64')], 'u1')]);
      spec
        .given([])
        .when(set('u1', '2001:db8::5', '0.0.0.0/0'))
        .thenThrows('IP_SAFELIST_SELF_LOCKOUT');
    });
    it('lets them empty it', () => {
      spec
        .given([changed([], [entry('10.0.0.1')])])
        .when(set('u1', '198.51.100.1'))
        .then([changed([entry('10.0.0.1')], [], 'u1')]);
    });
  });

  describe('when the current address is added', () => {
    it('appends the caller address as the server saw it', () => {
      spec
        .given([changed([], [entry('10.0.0.0/8')])])
        .when(addCurrent('::ffff:198.51.100.1'))
        .then([changed([entry('10.0.0.0/8')], [entry('10.0.0.0/8'), entry('198.51.100.1')], 'u1')]);
    });
    it('writes an IPv6 caller compressed', () => {
      spec
        .given([])
        .when(addCurrent('2001:DB8:0:0:0:0:0:7'))
        .then([changed([], [entry('2001:db8::7')], 'u1')]);
    });
    it('does nothing when the list already covers it', () => {
      spec
        .given([changed([], [entry('10.0.0.0/8')])])
        .when(addCurrent('10.1.2.3'))
        .then([]);
    });
  });
});

describe("a user's API access", () => {
  it('allows no protocol by default and records each change', () => {
    spec
      .given([])
      .when({ type: 'SetApiAccess', userId: 'u1', protocols: { http: true, smpp: false } })
      .then([{ type: 'ApiAccessChanged', data: { userId: 'u1', protocol: 'http', allowed: true } }]);
  });
  it('records nothing for a protocol already so', () => {
    spec
      .given([{ type: 'ApiAccessChanged', data: { userId: 'u1', protocol: 'smpp', allowed: true } }])
      .when({ type: 'SetApiAccess', userId: 'u1', protocols: { smpp: true } })
      .then([]);
  });
});

describe("a user's API keys", () => {
  describe('when issued', () => {
    it('records the name trimmed, the prefix and the expiry, never a secret', () => {
      spec
        .given([])
        .when(issue('  ci  '))
        .then([issued('ci', { keyId: 'k-  ci  ' })]);
    });
    it('narrows to permissions the owner holds', () => {
      spec
        .given([])
        .when(issue('ci', { permissions: ['users:read', 'users:read'] }))
        .then([issued('ci', { permissions: ['users:read'] })]);
      spec
        .given([])
        .when(issue('ci', { permissions: ['roles:manage'] }))
        .thenThrows('API_KEY_PERMISSION_NOT_HELD');
    });
    it('requires an expiry in the future, at most 365 days away', () => {
      spec
        .given([])
        .when(issue('ci', { expiresAt: inDays(365) }))
        .then([issued('ci', { expiresAt: inDays(365) })]);
      spec
        .given([])
        .when(issue('ci', { expiresAt: inDays(365.01) }))
        .thenThrows('API_KEY_EXPIRY_INVALID');
      spec
        .given([])
        .when(issue('ci', { expiresAt: now }))
        .thenThrows('API_KEY_EXPIRY_INVALID');
      spec
        .given([])
        .when(issue('ci', { expiresAt: 'soon' }))
        .thenThrows('API_KEY_EXPIRY_INVALID');
    });
    it("refuses a name a live key has, ignoring case, but reuses an expired key's", () => {
      spec
        .given([issued('ci')])
        .when(issue('CI'))
        .thenThrows('API_KEY_NAME_TAKEN');
      spec
        .given([issued('ci', { keyId: 'old', expiresAt: now })])
        .when(issue('ci'))
        .then([issued('ci')]);
    });
    it('refuses an empty or long name', () => {
      spec.given([]).when(issue('  ')).thenThrows('API_KEY_NAME_INVALID');
      spec
        .given([])
        .when(issue('x'.repeat(61)))
        .thenThrows('API_KEY_NAME_INVALID');
    });
    it('refuses a key beyond 50 live ones', () => {
      const fifty = Array.from({ length: 50 }, (_, i) => issued(`k${i}`));
      spec.given(fifty).when(issue('one more')).thenThrows('API_KEY_LIMIT');
    });
  });

  describe('when revoked or rotated', () => {
    it('revokes a key of the user', () => {
      spec
        .given([issued('ci')])
        .when({ type: 'RevokeApiKey', userId: 'u1', keyId: 'k-ci' })
        .then([{ type: 'ApiKeyRevoked', data: { userId: 'u1', keyId: 'k-ci', reason: 'revoked' } }]);
    });
    it('refuses an unknown or already revoked key', () => {
      const revoked = {
        type: 'ApiKeyRevoked',
        data: { userId: 'u1', keyId: 'k-ci', reason: 'revoked' },
      } as const;
      spec
        .given([issued('ci'), revoked])
        .when({ type: 'RevokeApiKey', userId: 'u1', keyId: 'k-ci' })
        .thenThrows('API_KEY_NOT_FOUND');
    });
    it('rotates: the old key revoked and a new one with its name and permissions', () => {
      spec
        .given([issued('ci', { permissions: ['users:read'] })])
        .when({
          type: 'RotateApiKey',
          userId: 'u1',
          keyId: 'k-ci',
          newKeyId: 'k-new',
          prefix: 'ghk_wxyz',
          now,
          expiresAt: inDays(90),
        })
        .then([
          { type: 'ApiKeyRevoked', data: { userId: 'u1', keyId: 'k-ci', reason: 'rotated' } },
          issued('ci', {
            keyId: 'k-new',
            prefix: 'ghk_wxyz',
            expiresAt: inDays(90),
            permissions: ['users:read'],
            replaces: 'k-ci',
          }),
        ]);
    });
    it('rotates an expired key only into a free name and a place among the live keys, as an issue would', () => {
      const rotate = {
        type: 'RotateApiKey',
        userId: 'u1',
        keyId: 'old',
        newKeyId: 'k-new',
        prefix: 'ghk_wxyz',
        now,
        expiresAt: inDays(90),
      } as const;
      const expired = issued('ci', { keyId: 'old', expiresAt: now });
      spec
        .given([expired, issued('CI', { keyId: 'k-reused' })])
        .when(rotate)
        .thenThrows('API_KEY_NAME_TAKEN');
      const fifty = Array.from({ length: 50 }, (_, i) => issued(`k${i}`));
      spec
        .given([expired, ...fifty])
        .when(rotate)
        .thenThrows('API_KEY_LIMIT');
      spec
        .given([issued('ci', { keyId: 'live' }), ...fifty.slice(1)])
        .when({ ...rotate, keyId: 'live' })
        .then([
          { type: 'ApiKeyRevoked', data: { userId: 'u1', keyId: 'live', reason: 'rotated' } },
          issued('ci', { keyId: 'k-new', prefix: 'ghk_wxyz', expiresAt: inDays(90), replaces: 'live' }),
        ]);
    });
  });
});

describe('the access controls an invite carried', () => {
  const apply = (ipSafelist: string[], apiAccess: string[]) =>
    ({ type: 'ApplyInvitedAccess', userId: 'u1', actorId: 'u1', ipSafelist, apiAccess }) as const;
  const access = (protocol: 'http' | 'smpp', allowed: boolean) =>
    ({ type: 'ApiAccessChanged', data: { userId: 'u1', protocol, allowed } }) as const;

  describe('when the new user has none yet', () => {
    it('sets the safelist with no lockout guard (the invitee calls from nowhere yet) and the named protocols', () =>
      spec
        .given([])
        .when(apply(['203.0.113.0/24'], ['http', 'rest']))
        .then([changed([], [entry('203.0.113.0/24')], 'u1'), access('http', true)]));
  });

  describe('when applied a second time', () => {
    it('appends nothing', () =>
      spec
        .given([changed([], [entry('203.0.113.0/24')], 'u1'), access('http', true)])
        .when(apply(['203.0.113.0/24'], ['http']))
        .then([]));
  });
});
