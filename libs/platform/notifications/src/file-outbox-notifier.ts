import { appendFileSync, mkdirSync } from 'node:fs';
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
 * Embedded mode and tests: each notifier appends its messages to a mailbox file of its own in a directory,
 * `<timestamp>-<uuid>.jsonl` named when it was made, one JSON line a message written by one `write`, so a
 * reader sees whole lines and at most a last one still being written. Two processes sharing the directory
 * (the users and invites services) never write to one file.
 *
 * A file a message, made under a temporary name and renamed, cost 70–270 µs of the event loop a message
 * (creating an inode and a directory entry, more as the directory grows): 6.5 % of embedded create_user at
 * C=16. An append costs about 18 µs (docs/adr/20261205-email-side-writes-in-one-statement-a-turn.md).
 */
export class FileOutboxNotifier extends Notifier {
  private readonly file: string;

  constructor(private readonly dir: string) {
    super();
    this.file = join(dir, `${new Date().toISOString().replace(/:/g, '-')}-${uuidv7()}.jsonl`);
  }

  async send(message: EmailMessage): Promise<void> {
    const { language, subject, text } = renderEmail(message);
    const entry: OutboxMessage = {
      to: message.to,
      language,
      subject,
      text,
      template: message.template,
      correlationId: message.correlationId,
      createdAt: new Date().toISOString(),
    };
    const line = `${JSON.stringify(entry)}\n`;
    // Blocking: a page-cache write of about 1 kB (no fsync), where the promise API would cross to the
    // thread pool and back. The folder is made when a write finds it missing, not before every message.
    try {
      appendFileSync(this.file, line);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.dir, { recursive: true });
      appendFileSync(this.file, line);
    }
  }
}

/**
 * Every message in the outbox, oldest first (by `createdAt`; a mailbox's own messages in the order it
 * wrote them); an outbox never written to is empty. A last line not yet ended is a message still being
 * written, left for the next read. Messages an earlier version wrote, a `<timestamp>-<uuid>.json` file
 * each (renamed into place whole; a dot-name is one not yet renamed), are read beside the mailboxes, so an
 * outbox outlives an upgrade.
 */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const mailboxes = await Promise.all(
    names
      .filter((name) => !name.startsWith('.') && (name.endsWith('.jsonl') || name.endsWith('.json')))
      .sort()
      .map(async (name) => {
        const text = await readFile(join(dir, name), 'utf8');
        if (name.endsWith('.json')) return [JSON.parse(text) as OutboxMessage];
        const whole = text.slice(0, text.lastIndexOf('\n') + 1);
        return whole === ''
          ? []
          : (JSON.parse(`[${whole.slice(0, -1).replace(/\n/g, ',')}]`) as OutboxMessage[]);
      }),
  );
  // A stable sort: messages of one millisecond keep their mailbox's order.
  return mailboxes
    .flat()
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
