import type { NewEvent, StoredEvent } from '@gatehouse/contracts';
import { InMemoryEventStore, type Lease, NO_STREAM } from '@gatehouse/event-store';
import { randomUUID } from 'node:crypto';
import { type EmailMessage, Notifier } from '../notifier.port';
import { InMemoryDeliveryLog } from './in-memory-delivery-log';
import { DeliveryPolicy } from './delivery-policy';
import { NotificationReaction } from './notification-reaction';

class FlakyNotifier extends Notifier {
  readonly sent: EmailMessage[] = [];
  down = false;
  tries = 0;
  async send(message: EmailMessage): Promise<void> {
    this.tries += 1;
    if (this.down)
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:25'), { code: 'ECONNREFUSED' });
    this.sent.push(message);
  }
}

/** Each send takes a few milliseconds; counts how many run at once. */
class SlowNotifier extends Notifier {
  readonly sent: EmailMessage[] = [];
  private running = 0;
  most = 0;
  async send(message: EmailMessage): Promise<void> {
    this.most = Math.max(this.most, ++this.running);
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.running--;
    this.sent.push(message);
  }
}

/** A store shared by several processes: leadership of a name goes to one holder until it releases. */
class SharedStore extends InMemoryEventStore {
  private readonly holders = new Map<string, AbortController>();
  override async tryLead(name: string): Promise<Lease | null> {
    if (this.holders.has(name)) return null;
    const lost = new AbortController();
    this.holders.set(name, lost);
    return { lost: lost.signal, release: async () => void this.holders.delete(name) };
  }
}

class Greetings extends NotificationReaction {
  readonly reacted: string[] = [];
  constructor(store: InMemoryEventStore, notifier: Notifier, log: InMemoryDeliveryLog, due = () => true) {
    super(
      store,
      { notifier, log, policy: new DeliveryPolicy(3, 1, 5) },
      {
        checkpoint: 'reaction:greetings',
        firstRun: 'from-start',
        types: ['UserLocked'],
        logger: { log: () => undefined, warn: () => undefined, error: () => undefined },
      },
    );
    this.due = due;
  }
  private readonly due: () => boolean;
  protected async react(event: StoredEvent): Promise<void> {
    this.reacted.push(event.eventId);
    await this.deliver(event, {
      template: 'account-locked',
      build: async () =>
        this.due()
          ? {
              to: 'ada@example.com',
              language: 'en',
              template: 'account-locked',
              params: {},
              correlationId: 'c',
            }
          : null,
    });
  }
}

const happened = (): NewEvent => ({
  ...{ eventId: randomUUID(), type: 'UserLocked', schemaVersion: 1, accountId: 'a1', actor: 'u1' },
  ...{ occurredAt: '2026-12-01T00:00:00.000Z', correlationId: 'c1', causationId: null, data: {} },
});
const until = async (done: () => boolean | Promise<boolean>) => {
  while (!(await done())) await new Promise((resolve) => setTimeout(resolve, 5));
};

/** A running reaction whose one message was parked after every attempt failed (the notifier is down). */
async function parkedAfterFailing() {
  const store = new InMemoryEventStore();
  const notifier = new FlakyNotifier();
  const log = new InMemoryDeliveryLog();
  const reaction = new Greetings(store, notifier, log);
  await reaction.onApplicationBootstrap();
  notifier.down = true;
  const failing = happened();
  await store.append('user-u1', [failing], NO_STREAM);
  await until(async () => (await log.deadLetters()).length === 1);
  return { store, notifier, log, reaction, failing };
}

describe('a notification reaction', () => {
  it('sends a message once by its key, however often its event is reacted to', async () => {
    const store = new InMemoryEventStore();
    const event = happened();
    await store.append('user-u1', [event], NO_STREAM);
    const notifier = new FlakyNotifier();
    const log = new InMemoryDeliveryLog();
    const first = new Greetings(store, notifier, log);
    await first.onApplicationBootstrap();
    await until(() => notifier.sent.length === 1);
    await first.onApplicationShutdown();
    await store.saveCheckpoint('reaction:greetings', ''); // the batch runs again (a crash before its checkpoint)
    const second = new Greetings(store, notifier, log);
    await second.onApplicationBootstrap();
    await until(() => second.reacted.length === 1);
    await second.onApplicationShutdown();
    expect(notifier.sent).toEqual([
      expect.objectContaining({ idempotencyKey: `${event.eventId}:account-locked` }),
    ]);
  });

  it('parks a message that keeps failing and moves on; an operator’s retry sends it', async () => {
    const { store, notifier, log, reaction, failing } = await parkedAfterFailing();
    expect(await log.deadLetters()).toEqual([
      expect.objectContaining({
        key: `${failing.eventId}:account-locked`,
        reaction: 'reaction:greetings',
        streamId: 'user-u1',
        streamPosition: 0,
        attempts: 3,
        reason: 'ECONNREFUSED',
        retryRequested: false,
      }),
    ]);
    notifier.down = false;
    await store.append('user-u1', [happened()], 0);
    await until(() => notifier.sent.length === 1);
    expect(await log.requestRetry(`${failing.eventId}:account-locked`)).toBe(true);
    await until(async () => (await log.deadLetters()).length === 0);
    await reaction.onApplicationShutdown();
    expect(notifier.sent.map((message) => message.idempotencyKey)).toEqual([
      expect.not.stringContaining(failing.eventId),
      `${failing.eventId}:account-locked`,
    ]);
  });

  it("counts the attempts of an operator's retry that fails again on top of those it was parked with", async () => {
    const { notifier, log, reaction, failing } = await parkedAfterFailing();
    expect(await log.requestRetry(`${failing.eventId}:account-locked`)).toBe(true);
    await until(async () => (await log.deadLetters())[0]?.retryRequested === false && notifier.tries === 6);
    await reaction.onApplicationShutdown();
    expect(await log.deadLetters()).toEqual([
      expect.objectContaining({ attempts: 6, retryRequested: false }),
    ]);
  });

  it('parks at once a message whose recipient the mail server refused for good (5xx)', async () => {
    const store = new InMemoryEventStore();
    const notifier = new FlakyNotifier();
    notifier.send = async () => {
      notifier.tries += 1;
      throw Object.assign(new Error('550 5.1.1 no such mailbox'), { code: 'EENVELOPE', responseCode: 550 });
    };
    const log = new InMemoryDeliveryLog();
    const reaction = new Greetings(store, notifier, log);
    await reaction.onApplicationBootstrap();
    await store.append('user-u1', [happened()], NO_STREAM);
    await until(async () => (await log.deadLetters()).length === 1);
    await reaction.onApplicationShutdown();
    expect([notifier.tries, (await log.deadLetters())[0].reason]).toEqual([1, 'SMTP 550']);
  });

  it('re-parks a retried letter that is no longer due (the user was disabled since)', async () => {
    const store = new InMemoryEventStore();
    const notifier = new FlakyNotifier();
    const log = new InMemoryDeliveryLog();
    let due = true;
    const reaction = new Greetings(store, notifier, log, () => due);
    await reaction.onApplicationBootstrap();
    notifier.down = true;
    const failing = happened();
    await store.append('user-u1', [failing], NO_STREAM);
    await until(async () => (await log.deadLetters()).length === 1);
    due = false;
    notifier.down = false;
    await log.requestRetry(`${failing.eventId}:account-locked`);
    await until(async () => (await log.deadLetters())[0]?.reason === 'NO_LONGER_DUE');
    await reaction.onApplicationShutdown();
    expect(notifier.sent).toEqual([]);
    expect((await log.deadLetters())[0].retryRequested).toBe(false);
  });

  it("sends eight streams' messages at once, each stream's in order", async () => {
    const store = new InMemoryEventStore();
    for (let n = 0; n < 12; n++) await store.append(`user-u${n}`, [happened()], NO_STREAM);
    const [first, second] = [happened(), happened()];
    await store.append('user-twice', [first, second], NO_STREAM);
    const notifier = new SlowNotifier();
    const reaction = new Greetings(store, notifier, new InMemoryDeliveryLog());
    await reaction.onApplicationBootstrap();
    await until(() => notifier.sent.length === 14);
    await reaction.onApplicationShutdown();
    expect(notifier.most).toBe(8);
    const keys = notifier.sent.map((message) => message.idempotencyKey);
    expect(keys.indexOf(`${first.eventId}:account-locked`)).toBeLessThan(
      keys.indexOf(`${second.eventId}:account-locked`),
    );
  });

  describe('when two processes share the store', () => {
    it('runs in the leader only; the other takes over from the checkpoint when the leader goes', async () => {
      const store = new SharedStore();
      const notifier = new FlakyNotifier();
      const log = new InMemoryDeliveryLog();
      const leader = new Greetings(store, notifier, log);
      const standby = new Greetings(store, notifier, log);
      await leader.onApplicationBootstrap();
      await standby.onApplicationBootstrap();
      await store.append('user-u1', [happened(), happened()], NO_STREAM);
      await until(() => notifier.sent.length === 2);
      expect([leader.reacted.length, standby.reacted.length]).toEqual([2, 0]);
      // The leader's process dies: its session, and with it the lease, ends.
      await leader.onApplicationShutdown();
      await store.append('user-u1', [happened()], 1);
      await until(() => notifier.sent.length === 3);
      await standby.onApplicationShutdown();
      expect(standby.reacted).toHaveLength(1);
      expect(new Set(notifier.sent.map((message) => message.idempotencyKey)).size).toBe(3);
    });
  });
});
