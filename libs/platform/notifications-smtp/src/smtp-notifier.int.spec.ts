import type { EmailMessage } from '@gatehouse/notifications';
import { createServer } from 'node:net';
import { SmtpNotifier } from './smtp-notifier';
import type { SmtpOptions } from './smtp-options';
import { notifierContract, startSmtpSink, type SmtpSink } from '@gatehouse/testing';

// Real SMTP over a real socket, against the in-test sink (no SMTP server is installed here).
const from = 'Gatehouse <no-reply@gatehouse.test>';
const optionsFor = (sink: SmtpSink, extra: Partial<SmtpOptions> = {}): SmtpOptions => ({
  host: '127.0.0.1',
  port: sink.port,
  secure: false,
  from,
  ...extra,
});

notifierContract('smtp', async () => {
  const sink = await startSmtpSink();
  const notifier = new SmtpNotifier(optionsFor(sink));
  return {
    notifier,
    delivered: async () =>
      sink.messages.map((mail) => ({
        to: mail.rcptTo.join(','),
        language: mail.headers.get('content-language') ?? '',
        subject: mail.subject,
        text: mail.text,
        correlationId: mail.headers.get('x-correlation-id') ?? '',
      })),
    cleanup: async () => {
      await notifier.close();
      await sink.close();
    },
  };
});

const locked = (to = 'zoe@example.com'): EmailMessage => ({
  to,
  language: 'es-419',
  template: 'account-locked',
  params: { firstName: 'Zoë' },
  correlationId: 'corr-locked',
});

describe('SmtpNotifier', () => {
  const opened: { notifier: SmtpNotifier; sink: SmtpSink }[] = [];
  const open = async (sinkOptions: Parameters<typeof startSmtpSink>[0], extra?: Partial<SmtpOptions>) => {
    const sink = await startSmtpSink(sinkOptions);
    const notifier = new SmtpNotifier(optionsFor(sink, extra));
    opened.push({ notifier, sink });
    return { notifier, sink };
  };
  afterEach(async () => {
    for (const { notifier, sink } of opened.splice(0)) {
      await notifier.close();
      await sink.close();
    }
  });

  it('sends from the configured sender, with the recipient in the envelope and the To header', async () => {
    const { notifier, sink } = await open({});
    await notifier.send(locked());
    expect(sink.messages).toEqual([
      expect.objectContaining({ mailFrom: 'no-reply@gatehouse.test', rcptTo: ['zoe@example.com'] }),
    ]);
    expect(sink.messages[0].headers.get('from')).toBe('Gatehouse <no-reply@gatehouse.test>');
    expect(sink.messages[0].headers.get('to')).toBe('zoe@example.com');
    expect(sink.messages[0].subject).toBe('Su cuenta de Gatehouse está bloqueada');
  });

  it('names a message by its idempotency key, the same at every attempt', async () => {
    const { notifier, sink } = await open({});
    await notifier.send({ ...locked(), idempotencyKey: '0190-ab:account-locked' });
    await notifier.send({ ...locked(), idempotencyKey: '0190-ab:account-locked' });
    expect(sink.messages.map((mail) => mail.headers.get('message-id'))).toEqual([
      '<0190-ab.account-locked@gatehouse>',
      '<0190-ab.account-locked@gatehouse>',
    ]);
  });

  it('reuses one pooled connection for consecutive messages', async () => {
    const { notifier, sink } = await open({});
    for (let i = 0; i < 5; i += 1) await notifier.send(locked(`user${i}@example.com`));
    expect(sink.messages).toHaveLength(5);
    expect(sink.connections()).toBe(1);
  });

  it('authenticates with the configured user and password', async () => {
    const credentials = { user: 'mailer', pass: 's3cret-pass' };
    const { notifier, sink } = await open({ credentials }, credentials);
    await notifier.send(locked());
    expect(sink.messages).toHaveLength(1);
  });

  it('rejects when the server refuses the credentials, sending nothing', async () => {
    const { notifier, sink } = await open(
      { credentials: { user: 'mailer', pass: 's3cret-pass' } },
      { user: 'mailer', pass: 'wrong-pass' },
    );
    await expect(notifier.send(locked())).rejects.toMatchObject({ code: 'EAUTH', responseCode: 535 });
    expect(sink.messages).toEqual([]);
  });

  it('rejects when the server refuses the recipient', async () => {
    const { notifier, sink } = await open({ rejects: (address) => address === 'gone@example.com' });
    await expect(notifier.send(locked('gone@example.com'))).rejects.toMatchObject({
      code: 'EENVELOPE',
      responseCode: 550,
    });
    expect(sink.messages).toEqual([]);
  });

  it('rejects when no server listens', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port } = free.address() as { port: number };
    await new Promise<void>((resolve) => free.close(() => resolve()));
    const notifier = new SmtpNotifier({ host: '127.0.0.1', port, secure: false, from });
    await expect(notifier.send(locked())).rejects.toMatchObject({ code: 'ESOCKET' });
    await notifier.close();
  });
});
