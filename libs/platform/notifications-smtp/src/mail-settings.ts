import { FileOutboxNotifier, type Notifier } from '@gatehouse/notifications';
import { readSmtpOptions, type SmtpOptions } from './smtp-options';
import { SmtpNotifier } from './smtp-notifier';
import { resolve } from 'node:path';

/** How a service reaches people: SMTP when `GATEHOUSE_SMTP_HOST` is set, else a file outbox. */
export interface MailSettings {
  readonly outboxDir: string;
  readonly smtp: SmtpOptions | null;
  /** Where users reach Gatehouse; reset and invite links point there. */
  readonly publicUrl: string;
}

export function readMailSettings(env: NodeJS.ProcessEnv, port: number): MailSettings {
  return {
    outboxDir: resolve(env['GATEHOUSE_OUTBOX_DIR'] ?? './data/outbox'),
    smtp: env['GATEHOUSE_SMTP_HOST'] ? readSmtpOptions(env) : null,
    publicUrl: env['GATEHOUSE_PUBLIC_URL'] ?? `http://127.0.0.1:${port}`,
  };
}

export function notifierFor(settings: MailSettings): Notifier {
  return settings.smtp ? new SmtpNotifier(settings.smtp) : new FileOutboxNotifier(settings.outboxDir);
}
