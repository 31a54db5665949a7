import { AppendNotices } from '@gatehouse/event-store';
import { createHash } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

/** The channel appends are announced on (append-announcer.ts): one per schema, within PostgreSQL's 63-byte names. */
export function appendChannel(schema: string): string {
  return `gh_appended_${createHash('md5').update(schema).digest('hex')}`;
}

const RECONNECT_MS = 1000;

/**
 * One connection LISTENing on the schema's append channel, opened when a reader first asks for notices.
 * Notices exist only while it listens: before, and after the connection drops (until it is back), readers
 * poll; a drop also wakes every waiter, so none sleeps on a channel nobody hears.
 */
export class PostgresAppendListener {
  private readonly notices = new AppendNotices();
  private client: Client | null = null;
  private listening = false;
  private closed = false;

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
  ) {}

  current(): AppendNotices | null {
    if (!this.client && !this.closed) void this.listen();
    return this.listening ? this.notices : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.connectionString });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.listening = false;
      this.notices.notify();
      void client.end().catch(() => undefined);
      setTimeout(() => (this.client = null), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    // The announcer's payload: the appended event types, comma-separated; empty when they would not fit in
    // a notice, which then concerns every reader.
    client.on('notification', ({ payload }) => this.notices.notify(payload ? payload.split(',') : undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${escapeIdentifier(appendChannel(this.schema))}`);
      if (this.closed) return void (await client.end());
      this.listening = true;
    } catch {
      lost();
    }
  }
}
