import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
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
    // The folder is made when a write finds it missing, not before every message (a mkdir per email).
    await writeFile(temp, content).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
      await mkdir(this.dir, { recursive: true });
      await writeFile(temp, content);
    });
    await rename(temp, join(this.dir, name));
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
