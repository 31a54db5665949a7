import type { UserEvent } from '@gatehouse/contracts';
import { InMemoryEventStore, NO_STREAM, StateCache } from '@gatehouse/event-store';
import { Logger } from '@nestjs/common';
import {
  type DeliveryLog,
  DeliveryPolicy,
  type EmailMessage,
  InMemoryDeliveryLog,
  Notifier,
  renderEmail,
} from '@gatehouse/notifications';
import { InMemorySecretStore } from '@gatehouse/secrets';
import { newTestEvent } from '@gatehouse/testing';
import { userStreamId } from '@gatehouse/users-domain';
import { PasswordResets } from '../password-reset/password-resets';
import { Grants } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';
import { UserEmailsReaction } from './user-emails.reaction';

class RecordingNotifier extends Notifier {
  readonly sent: EmailMessage[] = [];
  hang = false;
  async send(message: EmailMessage): Promise<void> {
    if (this.hang) return new Promise(() => undefined);
    renderEmail(message);
    this.sent.push(message);
  }
}

const created: UserEvent = {
  type: 'UserCreated',
  data: {
    userId: 'u1',
    accountId: 'a1',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    username: 'ada',
    mobile: null,
    language: 'en',
    timeZone: 'Europe/London',
  },
};
const disabled: UserEvent = { type: 'UserDisabled', data: { userId: 'u1' } };
const locked = (at: string): UserEvent => ({ type: 'UserLocked', data: { userId: 'u1', failures: 5, at } });
const asStored = (event: UserEvent) => newTestEvent({ type: event.type, accountId: 'a1', data: event.data });

function reaction(
  store: InMemoryEventStore,
  notifier: Notifier,
  log: DeliveryLog = new InMemoryDeliveryLog(),
): UserEmailsReaction {
  const states = new StateCache(store);
  const users = new UserCommands(store, states, new Grants(states));
  const resets = new PasswordResets(new InMemorySecretStore());
  return new UserEmailsReaction(store, users, resets, notifier, log, new DeliveryPolicy(3, 1, 5), {
    publicUrl: 'https://x',
    ttlMinutes: 60,
  });
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('emails as a reaction to stored events', () => {
  it('starts after the events stored before it first ran: those were mailed already', async () => {
    const store = new InMemoryEventStore();
    await store.append(
      userStreamId('u1'),
      [asStored(created), asStored(locked('2025-01-01T00:00:00Z'))],
      NO_STREAM,
    );
    const notifier = new RecordingNotifier();
    const emails = reaction(store, notifier);
    await emails.onApplicationBootstrap();
    await store.append(userStreamId('u1'), [asStored(locked('2025-01-02T00:00:00Z'))], 1);
    await until(() => notifier.sent.length === 1);
    await emails.onApplicationShutdown();
    expect(notifier.sent).toEqual([
      expect.objectContaining({ to: 'ada@example.com', template: 'account-locked', language: 'en' }),
    ]);
  });

  it('sends what a crash between the append and the send left unsent, when it starts again', async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [asStored(created)], NO_STREAM);
    const crashing = new RecordingNotifier();
    crashing.hang = true;
    const first = reaction(store, crashing);
    await first.onApplicationBootstrap();
    const lockedEvent = asStored(locked('2025-01-02T00:00:00Z'));
    await store.append(userStreamId('u1'), [lockedEvent], 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    void first.onApplicationShutdown(); // the process dies with the send in flight
    const notifier = new RecordingNotifier();
    const second = reaction(store, notifier);
    await second.onApplicationBootstrap();
    await until(() => notifier.sent.length === 1);
    await second.onApplicationShutdown();
    expect(notifier.sent[0]).toMatchObject({
      template: 'account-locked',
      idempotencyKey: `${lockedEvent.eventId}:account-locked`,
    });
  });

  it('mails a user an admin created a link to the page that sets a first password', async () => {
    const store = new InMemoryEventStore();
    const notifier = new RecordingNotifier();
    const emails = reaction(store, notifier);
    await emails.onApplicationBootstrap();
    const firstPassword = { resetId: 'r1', expiresAt: '2025-01-08T00:00:00Z' };
    const withLink = { ...created, data: { ...created.data, firstPassword } } as UserEvent;
    await store.append(userStreamId('u1'), [asStored(withLink)], NO_STREAM);
    await until(() => notifier.sent.length === 1);
    await emails.onApplicationShutdown();
    expect(notifier.sent[0]).toMatchObject({
      template: 'set-password',
      params: {
        resetUrl: expect.stringMatching(/^https:\/\/x\/set-password\?token=u1\.[\w-]{43}&lang=en$/),
        expiresInDays: '7',
      },
    });
  });

  it('mails a disabled user nothing', async () => {
    const store = new InMemoryEventStore();
    await store.append(userStreamId('u1'), [asStored(created)], NO_STREAM);
    const notifier = new RecordingNotifier();
    const emails = reaction(store, notifier);
    await emails.onApplicationBootstrap();
    await store.append(userStreamId('u1'), [asStored(locked('2025-01-02T00:00:00Z')), asStored(disabled)], 0);
    await store.append(userStreamId('u1'), [asStored(locked('2025-01-03T00:00:00Z'))], 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await emails.onApplicationShutdown();
    expect(notifier.sent).toEqual([]);
  });

  describe('for a user stored before names and emails were required', () => {
    const broken = (userId: string, overrides: Record<string, unknown>) =>
      ({ ...created, data: { ...created.data, userId, ...overrides } }) as UserEvent;
    const lockedUser = (userId: string) =>
      ({ type: 'UserLocked', data: { userId, failures: 5, at: '2025-01-02T00:00:00Z' } }) as UserEvent;

    it('mails with the defaults where a name is missing, and logs and skips what cannot be built', async () => {
      const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
      const store = new InMemoryEventStore();
      await store.append(userStreamId('u1'), [asStored(broken('u1', { email: null }))], NO_STREAM);
      await store.append(userStreamId('u2'), [asStored(broken('u2', { firstName: null }))], NO_STREAM);
      const notifier = new RecordingNotifier();
      const emails = reaction(store, notifier);
      await emails.onApplicationBootstrap();
      await store.append(userStreamId('u1'), [asStored(lockedUser('u1'))], 0);
      await store.append(userStreamId('u2'), [asStored(lockedUser('u2'))], 0);
      await until(() => notifier.sent.length === 1);
      await emails.onApplicationShutdown();
      expect(renderEmail(notifier.sent[0]).text).toMatch(/^Hello there,/);
      expect(errors.mock.calls).toEqual([
        ['could not build account-locked for user-u1 (NOTIFICATION_NO_RECIPIENT)'],
      ]);
      expect(await store.readStream(userStreamId('u1'))).toHaveLength(2);
      errors.mockRestore();
    });
  });
});
