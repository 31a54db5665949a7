import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { Notifier, type EmailMessage, type TemplateName } from './notifier.port';
import { renderEmail } from './render-email';

/** One delivered message as the outbox holds it: what the recipient would read, no params. */
export interface OutboxMessage {
  readonly to: string;
  /** The language actually used (English when the recipient's has no templates). */
  readonly language: string;
  readonly subject: string;
  readonly text: string;
  readonly template: TemplateName;
  readonly correlationId: string;
  readonly createdAt: string;
}

/**
 * Embedded mode and tests: each message becomes `<timestamp>-<uuid>.json` in a directory. The file is
 * written under a dot-name first and renamed, so a reader sees a whole message or none. UUIDv7 keeps
 * messages sent within one millisecond in sending order.
 */
export class FileOutboxNotifier extends Notifier {
  constructor(private readonly dir: string) {
    super();
  }

  async send(message: EmailMessage): Promise<void> {
    const { language, subject, text } = renderEmail(message);
    const createdAt = new Date().toISOString();
    const entry: OutboxMessage = {
      to: message.to,
      language,
      subject,
      text,
      template: message.template,
      correlationId: message.correlationId,
      createdAt,
    };
    const name = `${createdAt.replace(/:/g, '-')}-${uuidv7()}.json`;
    const temp = join(this.dir, `.${name}.tmp`);
    const content = `${JSON.stringify(entry, null, 2)}\n`;
    // Written with blocking calls: a message is a page-cache write of about 1 kB (no fsync), and the
    // promise API's open, write, close and rename each cross to the thread pool and back: 590–670 µs of
    // process CPU a message against 240–310, messages 10 ms apart (ADR: email side writes in one
    // statement a turn), for a mailbox that only embedded mode and the tests read.
    // The folder is made when a write finds it missing, not before every message (a mkdir per email).
    try {
      writeFileSync(temp, content);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temp, content);
    }
    renameSync(temp, join(this.dir, name));
  }
}

/** Every message in the outbox, oldest first; an outbox never written to is empty. */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const messages = names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  return Promise.all(
    messages.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as OutboxMessage),
  );
}
