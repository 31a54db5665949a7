import { type AccessRefused, accessStreamId, refusalsStreamId, userStreamId } from '@gatehouse/contracts';
import { type EventStore, InMemoryEventStore, NO_STREAM, StateCache } from '@gatehouse/event-store';
import { InMemorySecretStore } from '@gatehouse/secrets';
import { newTestEvent } from '@gatehouse/testing';
import { Grants } from '../grants';
import { PasswordHasher } from '../passwords/password-hasher';
import { readLoginLimits } from '../passwords/login-limits';
import { AccessRefusalRecorder } from '../refusals/access-refusal-recorder';
import { systemClock } from '../session/clock';
import { UsernameReservations } from '../usernames/username-reservations';
import { BasicAuthThrottle } from './basic-auth-throttle';
import { BasicCredentials } from './basic-credentials';
import { VerifiedPasswords } from './verified-passwords';

const PASSWORD = 'Correct horse battery staple 1';
const hashers: PasswordHasher[] = [];
afterEach(() => hashers.splice(0).forEach((hasher) => hasher.onModuleDestroy()));
// Each test's hasher starts a hashing process from TypeScript, which can take seconds on a loaded machine.
jest.setTimeout(30_000);
const reservations = new UsernameReservations({ reservationKey: 'r'.repeat(32) });

async function appendTo(store: EventStore, streamId: string, type: string, data: object): Promise<void> {
  const version = (await store.readStream(streamId)).length - 1;
  await store.append(
    streamId,
    [newTestEvent({ type, accountId: 'a1', data })],
    version < 0 ? NO_STREAM : version,
  );
}

/** Ada (u1) with a password, HTTP basic authentication allowed, no safelist. */
async function setUp(limits = readLoginLimits({})) {
  const store = new InMemoryEventStore();
  const secrets = new InMemorySecretStore();
  const passwords = new PasswordHasher(secrets, {
    memoryKiB: 7168,
    timeCost: 5,
    parallelism: 1,
    concurrency: 1,
    nice: 0,
  });
  passwords.onModuleInit();
  hashers.push(passwords);
  await passwords.set('u1', PASSWORD);
  await appendTo(store, reservations.streamIdOf('ada'), 'UsernameReserved', {
    username: 'ada',
    userId: 'u1',
  });
  await appendTo(store, userStreamId('u1'), 'UserCreated', { userId: 'u1', accountId: 'a1' });
  const access = (type: string, data: object) =>
    appendTo(store, accessStreamId('u1'), type, { userId: 'u1', ...data });
  await access('ApiAccessChanged', { protocol: 'http', allowed: true });
  const verifies = jest.spyOn(passwords, 'verifies');
  const states = new StateCache(store);
  const grants = new Grants(states);
  const recorder = new AccessRefusalRecorder(store, states, systemClock);
  const basic = new BasicCredentials(
    grants,
    passwords,
    reservations,
    new VerifiedPasswords(),
    new BasicAuthThrottle(limits),
    recorder,
  );
  return {
    basic,
    verifies,
    /** The refusals recorded for Ada, once their appends are done. */
    refusals: async () => {
      await recorder.drained();
      const events = await store.readStream(refusalsStreamId('u1'));
      return events.map(({ data }) => {
        const { reason, channel, protocol } = data as AccessRefused['data'];
        return { reason, channel, protocol };
      });
    },
    user: (type: string, data: object = {}) =>
      appendTo(store, userStreamId('u1'), type, { userId: 'u1', ...data }),
    access,
  };
}

describe('HTTP basic credentials', () => {
  it("let the user in with their roles' principal when the protocol allows basic authentication", async () => {
    const { basic } = await setUp();
    expect(await basic.authenticate(' ADA ', PASSWORD, 'http', '127.0.0.1')).toMatchObject({
      userId: 'u1',
      accountId: 'a1',
      sessionId: 'basic:http',
    });
  });

  it.each([
    ['an unknown username', 'grace', PASSWORD, 'http'],
    ['a wrong password', 'ada', 'Wrong-password-1!', 'http'],
    ['a protocol not allowed (off by default)', 'ada', PASSWORD, 'smpp'],
  ] as const)(
    'refuse %s, verifying the password all the same',
    async (_case, username, password, protocol) => {
      const { basic, verifies } = await setUp();
      expect(await basic.authenticate(username, password, protocol, '127.0.0.1')).toBeNull();
      expect(verifies).toHaveBeenCalledTimes(1);
    },
  );

  it.each([
    ['disabled', 'UserDisabled', { status: 'disabled' }],
    ['locked', 'UserLocked', { failures: 5, at: '2026-12-01T00:00:00Z' }],
    ['asked to be deleted', 'UserDeletionRequested', {}],
  ])('refuse a user who is %s, even with a remembered password', async (_case, type, data) => {
    const { basic, user } = await setUp();
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).not.toBeNull();
    await user(type, data);
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).toBeNull();
  });

  it('refuse a client outside the safelist, and match an IPv4-mapped client as IPv4', async () => {
    const { basic, access } = await setUp();
    const after = [{ address: '203.0.113.7', label: null }];
    await access('IpSafelistChanged', { actor: 'a', before: [], after });
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).toBeNull();
    expect(await basic.authenticate('ada', PASSWORD, 'http', '::ffff:203.0.113.7')).not.toBeNull();
  });

  it('refuse at once once the protocol is turned off', async () => {
    const { basic, access } = await setUp();
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).not.toBeNull();
    await access('ApiAccessChanged', { protocol: 'http', allowed: false });
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).toBeNull();
  });

  it("remember a verified password only until the user's or their access controls' stream moves", async () => {
    const { basic, verifies, user, access } = await setUp();
    for (let n = 0; n < 3; n++) await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1');
    expect(verifies).toHaveBeenCalledTimes(1);
    await user('UserPasswordChanged', { keptSessionId: 's1' });
    await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1');
    await access('IpSafelistChanged', { actor: 'a', before: [], after: [] });
    await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1');
    expect(verifies).toHaveBeenCalledTimes(3);
  });

  it('never remember a wrong password', async () => {
    const { basic, verifies } = await setUp();
    for (let n = 0; n < 2; n++) await basic.authenticate('ada', 'Wrong-password-1!', 'http', '127.0.0.1');
    expect(verifies).toHaveBeenCalledTimes(2);
  });

  it('refuse, unverified, past the failures allowed for the username, even the right password', async () => {
    const limits = readLoginLimits({ GATEHOUSE_LOGIN_FAILURES_PER_USERNAME: '3' });
    const { basic, verifies } = await setUp(limits);
    for (let n = 0; n < 3; n++) {
      expect(await basic.authenticate('ada', 'Wrong-password-1!', 'http', `198.51.100.${n}`)).toBeNull();
    }
    expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).toBeNull();
    expect(verifies).toHaveBeenCalledTimes(3);
    expect(await basic.authenticate('grace', PASSWORD, 'http', '127.0.0.1')).toBeNull();
    expect(verifies).toHaveBeenCalledTimes(4);
  });

  describe("the reason recorded for admins on the user's refusals stream", () => {
    it.each([
      ['a wrong password', 'Wrong-password-1!', 'http', 'wrong-password'],
      ['a protocol not allowed', PASSWORD, 'smpp', 'protocol-not-allowed'],
    ] as const)('names %s', async (_case, password, protocol, reason) => {
      const { basic, refusals } = await setUp();
      expect(await basic.authenticate('ada', password, protocol, '127.0.0.1')).toBeNull();
      expect(await refusals()).toEqual([{ reason, channel: 'basic-auth', protocol }]);
    });

    it.each([
      ['UserDisabled', { status: 'disabled' }, 'disabled'],
      ['UserLocked', { failures: 5, at: '2026-12-01T00:00:00Z' }, 'locked'],
      ['UserDeletionRequested', {}, 'deletion-requested'],
    ])('names the standing of a user after %s', async (type, data, reason) => {
      const { basic, user, refusals } = await setUp();
      await user(type, data);
      expect(await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1')).toBeNull();
      expect(await refusals()).toEqual([{ reason, channel: 'basic-auth', protocol: 'http' }]);
    });

    it('names a client outside the safelist, on the channel of the access check that asked', async () => {
      const { basic, access, refusals } = await setUp();
      await access('IpSafelistChanged', {
        actor: 'a',
        before: [],
        after: [{ address: '203.0.113.7', label: null }],
      });
      expect(await basic.authenticate('ada', PASSWORD, 'smpp', '127.0.0.1', 'access-check')).toBeNull();
      expect(await refusals()).toEqual([
        { reason: 'outside-safelist', channel: 'access-check', protocol: 'smpp' },
      ]);
    });

    it('records nothing for an unknown username, nor for a user let in', async () => {
      const { basic, refusals } = await setUp();
      await basic.authenticate('grace', PASSWORD, 'http', '127.0.0.1');
      await basic.authenticate('ada', PASSWORD, 'http', '127.0.0.1');
      expect(await refusals()).toEqual([]);
    });
  });
});
