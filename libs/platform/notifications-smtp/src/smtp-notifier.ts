import { Notifier, renderEmail, type EmailMessage } from '@gatehouse/notifications';
import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import type { SmtpOptions } from './smtp-options';

/**
 * Sends rendered messages over pooled SMTP connections. A failure (refused connection, rejected
 * recipient, bad credentials) rejects `send`, so the caller decides whether to retry. Nodemailer's own
 * logger stays off: message bodies (reset links) must not reach a log.
 */
export class SmtpNotifier extends Notifier {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(private readonly options: SmtpOptions) {
    super();
    this.transport = createTransport({
      pool: true,
      host: options.host,
      port: options.port,
      secure: options.secure,
      ...(options.user && options.pass ? { auth: { user: options.user, pass: options.pass } } : {}),
    });
  }

  async send(message: EmailMessage): Promise<void> {
    const { language, subject, text } = renderEmail(message);
    await this.transport.sendMail({
      from: this.options.from,
      to: message.to,
      subject,
      text,
      headers: { 'Content-Language': language, 'X-Correlation-ID': message.correlationId },
      // The same id for every attempt at one message, so a receiving system can spot a repeat.
      ...(message.idempotencyKey
        ? { messageId: `<${message.idempotencyKey.replace(/:/g, '.')}@gatehouse>` }
        : {}),
    });
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}
