import {
  DistributedStack,
  eventually,
  newUserBody,
  openAccount,
  type OpenedAccount,
  type ReceivedMail,
  RetryingClient,
  type SmtpSink,
  startSmtpSink,
  withClient,
} from '@gatehouse/testing';
import { escapeIdentifier } from 'pg';

jest.setTimeout(600_000);

const USERS = 20;
const INVITES = 200;
const OUTAGE_MS = 30_000;

interface Letter {
  readonly key: string;
  readonly template: string;
  readonly reason: string;
  readonly retryRequested: boolean;
}

/**
 * Emails in distributed mode over a real SMTP socket: two users instances of which only the leader of
 * each reaction sends, an SMTP outage during a burst of invites, and a refused recipient parked as a dead
 * letter for the operator. Every message is counted at the sink: none lost, none twice.
 */
describe('email delivery in distributed mode', () => {
  let sink: SmtpSink;
  const received: ReceivedMail[] = [];
  let refuse = (_address: string) => false;
  let stack: DistributedStack;
  let account: OpenedAccount;
  const openSink = async (port?: number) => {
    sink = await startSmtpSink({ port, rejects: (address) => refuse(address) });
    return sink;
  };
  /** The emails of one template (named in the Message-ID) to any of `addresses`. */
  const mailsTo = (addresses: ReadonlySet<string>, template: string) =>
    [...received, ...sink.messages].filter(
      (mail) =>
        mail.rcptTo.some((to) => addresses.has(to)) &&
        mail.headers.get('message-id')?.includes(`.${template}@`),
    );
  const userPath = (userId = '') => `/v1/accounts/${account.accountId}/users${userId && `/${userId}`}`;
  const changeEmail = async (userId: string, email: string) => {
    const response = await account.admin.request('PUT', `${userPath(userId)}/contact-info`, {
      email,
      mobile: null,
    });
    expect(response.status).toBe(204);
  };

  beforeAll(async () => {
    await openSink();
    // Retries every 5 s at most and for long enough to outlast the outage (30 tries ≈ 2 min).
    const smtp = {
      GATEHOUSE_SMTP_HOST: '127.0.0.1',
      GATEHOUSE_SMTP_PORT: String(sink.port),
      GATEHOUSE_SMTP_FROM: 'Gatehouse <no-reply@gatehouse.test>',
      GATEHOUSE_NOTIFY_ATTEMPTS: '30',
      GATEHOUSE_NOTIFY_MAX_DELAY_MS: '5000',
    };
    stack = await DistributedStack.start({ instances: { users: 2 }, env: { users: smtp, invites: smtp } });
    account = await openAccount(stack.users, stack.operatorToken);
  });
  afterAll(async () => {
    await stack?.stop();
    await sink?.close();
  });

  /** Emails of the email-changed templates that the delivery log records as sent. */
  const recordedChangedEmails = async (): Promise<number> => {
    const { rows } = await withClient((client) =>
      client.query<{ count: string }>(
        `SELECT count(*) FROM ${escapeIdentifier(stack.name)}.gh_sent_messages WHERE key LIKE '%:email-changed-%'`,
      ),
    );
    return Number(rows[0].count);
  };
  const changed = (addresses: ReadonlySet<string>) => [
    ...mailsTo(addresses, 'email-changed-old-address'),
    ...mailsTo(addresses, 'email-changed-new-address'),
  ];

  const leaderOf = (reaction: string): number => {
    const leading = [0, 1].filter((instance) =>
      stack.logs('users', instance).includes(`leading ${reaction}`),
    );
    if (leading.length !== 1)
      throw new Error(`instances leading ${reaction}: ${leading.join(', ') || 'none'}`);
    return leading[0];
  };

  describe('when two users instances run', () => {
    it('one sends; when it is killed the other takes over, and every email arrives once', async () => {
      const leader = await eventually(async () => leaderOf('reaction:user-emails'), 30_000);
      const addresses = new Set<string>();
      for (let i = 0; i < USERS; i += 1) {
        if (i === USERS / 2) {
          // Killed between sends: one killed mid-send may send that email again (NotificationReaction), so
          // the kill waits until the leader has also recorded every email the sink has (an email arrives
          // before its send is recorded; a kill in that window is the mid-send case, not this one).
          await eventually(async () => expect(changed(addresses)).toHaveLength(i * 2), 60_000, 100);
          await eventually(async () => expect(await recordedChangedEmails()).toBe(i * 2), 60_000, 100);
          await stack.kill('users', leader);
        }
        // Right after the kill the gateway may still hold a kept-alive connection to the dead instance: a
        // create sent on it is answered 502 (it cannot know the create was not applied) and retried here.
        const body = newUserBody();
        const userId = await new RetryingClient(account.admin, stack.name).create(userPath(), body);
        const email = `moved.${String(body['email'])}`;
        addresses.add(String(body['email'])).add(email);
        await changeEmail(userId, email);
      }
      await eventually(async () => expect(changed(addresses)).toHaveLength(2 * USERS), 120_000, 250);
      expect(stack.logs('users', 1 - leader)).toContain('leading reaction:user-emails');
      await new Promise((resolve) => setTimeout(resolve, 3000)); // a duplicate would come within this
      const mails = changed(addresses);
      const sent = mails.map((mail) => `${mail.rcptTo.join(',')} ${mail.headers.get('message-id')}`);
      expect(new Set(sent).size).toBe(2 * USERS);
      expect(mails).toHaveLength(2 * USERS);
      await stack.startService('users', leader);
    });
  });

  describe('when the SMTP server is down for 30 s while 200 invites are made', () => {
    it('delivers exactly 200 invite emails once it is back, none twice', async () => {
      received.push(...sink.messages);
      const { port } = sink;
      await sink.close();
      const downAt = Date.now();
      const invitees = new Set<string>();
      const invite = async (): Promise<void> => {
        while (invitees.size < INVITES) {
          const email = String(newUserBody()['email']);
          invitees.add(email);
          const body = { email, language: 'fr', timeZone: 'Europe/Paris', roles: ['developer'] };
          const response = await account.admin.post(`/v1/accounts/${account.accountId}/invites`, body);
          expect(response.status).toBe(201);
        }
      };
      await Promise.all(Array.from({ length: 4 }, invite));
      const madeInMs = Date.now() - downAt;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - madeInMs)));
      await openSink(port);
      const backAt = Date.now();
      await eventually(async () => expect(mailsTo(invitees, 'invite')).toHaveLength(INVITES), 300_000, 500);
      console.log(
        `SMTP outage: ${INVITES} invites made in ${madeInMs} ms while down; all ${INVITES} emails ` +
          `arrived ${Date.now() - backAt} ms after the server came back`,
      );
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const mails = mailsTo(invitees, 'invite');
      expect(mails).toHaveLength(INVITES);
      expect(new Set(mails.map((mail) => mail.rcptTo.join(','))).size).toBe(INVITES);
      expect(mails.every((mail) => mail.headers.get('content-language') === 'fr')).toBe(true);
      const letters = await stack.users.as(stack.operatorToken).get<{ items: Letter[] }>('/v1/dead-letters');
      expect(letters.body.items).toEqual([]);
    });
  });

  describe('when the mail server refuses a recipient', () => {
    it('parks the email as a dead letter, which the operator lists and retries', async () => {
      const operator = stack.users.as(stack.operatorToken);
      const body = newUserBody();
      const created = await account.admin.post<{ userId: string }>(userPath(), body);
      // The set-password email goes to the address the user has when it is sent: once it has gone to the
      // first one, the change's email is the only one the refusal meets.
      await eventually(
        async () => expect(mailsTo(new Set([String(body['email'])]), 'set-password')).toHaveLength(1),
        60_000,
        250,
      );
      const bounced = `bounce.${String(newUserBody()['email'])}`;
      refuse = (address) => address === bounced;
      await changeEmail(created.body.userId, bounced);
      const parked = await eventually(async () => {
        const { body } = await operator.get<{ items: Letter[] }>('/v1/dead-letters');
        expect(body.items).toEqual([
          expect.objectContaining({ template: 'email-changed-new-address', reason: 'SMTP 550' }),
        ]);
        return body.items[0];
      }, 60_000);
      expect(mailsTo(new Set([bounced]), 'email-changed-new-address')).toEqual([]);
      expect((await stack.users.get('/v1/dead-letters')).status).toBe(401);
      const unknown = await operator.post('/v1/dead-letters/no-such-key/retry', {});
      expect([unknown.status, unknown.body]).toEqual([
        404,
        expect.objectContaining({ code: 'DEAD_LETTER_NOT_FOUND' }),
      ]);
      refuse = () => false;
      const retried = await operator.post(`/v1/dead-letters/${encodeURIComponent(parked.key)}/retry`, {});
      expect(retried.status).toBe(202);
      await eventually(
        async () => expect(mailsTo(new Set([bounced]), 'email-changed-new-address')).toHaveLength(1),
        60_000,
        250,
      );
      await eventually(async () => {
        expect((await operator.get<{ items: Letter[] }>('/v1/dead-letters')).body.items).toEqual([]);
      });
    });
  });
});
