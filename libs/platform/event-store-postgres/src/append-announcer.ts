import { Pool } from 'pg';
import { appendChannel, appendNameChannel } from './append-listener';

/** NOTIFY's payload limit is 8000 bytes; a longer list of types goes as none, which wakes every reader. */
const MAX_PAYLOAD = 7900;

/**
 * The least time between two notices: readers read at most every 20 ms anyway (tailAll's pollMs), and each
 * notice is a transaction that takes the notify lock. 32 writers appended at 0.82× plain INSERTs with no
 * notices at all, 0.73–0.77× with a notice per round trip.
 */
const SPACING_MS = 5;

/**
 * Sends the append notices that readers wait for (append-listener.ts) once appends have committed, from a
 * connection of its own, rather than from the appending transaction: a transaction that notifies takes a
 * database-wide lock at commit and holds it through its WAL flush, so every append committed alone (32
 * writers appended at a third of the rate of plain INSERTs). The types of the appends that finish in one
 * turn of the event loop, or within SPACING_MS of the last notice, go in one notice. Its commit waits for
 * no flush: a notice is a hint, and one lost (a crash here, a server restart) costs readers their fallback
 * wait, as does an append from a process that died before announcing it.
 */
export class PostgresAppendAnnouncer {
  private readonly pool: Pool;
  private readonly channel: string;
  private pending = new Set<string>();
  private sending: Promise<void> | null = null;
  private sentAt = -Infinity;

  constructor(
    connectionString: string,
    private readonly schema: string,
  ) {
    this.pool = new Pool({ connectionString, max: 1, options: '-c synchronous_commit=off' });
    // A dropped connection is replaced on the next notice; without a listener 'error' would crash.
    this.pool.on('error', () => undefined);
    this.channel = appendChannel(schema);
  }

  appended(types: readonly string[]): void {
    for (const type of types) this.pending.add(type);
    if (this.pending.size === 0 || this.sending) return;
    const wait = this.sentAt + SPACING_MS - performance.now();
    this.sending = new Promise<void>((resolve) =>
      wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve),
    ).then(() => this.send());
  }

  async close(): Promise<void> {
    await this.sending;
    await this.pool.end();
  }

  private async send(): Promise<void> {
    const names = [...this.pending];
    const joined = names.join(',');
    this.pending = new Set();
    this.sentAt = performance.now();
    // One transaction: the notice on the main channel, with the names, and one on each name's channel for
    // the processes that listen only for some names (append-listener.ts).
    await this.pool
      .query(
        'SELECT pg_notify(channel, payload) FROM unnest($1::text[], $2::text[]) AS n(channel, payload)',
        [
          [this.channel, ...names.map((name) => appendNameChannel(this.schema, name))],
          [joined.length < MAX_PAYLOAD ? joined : '', ...names.map(() => '')],
        ],
      )
      .catch(() => undefined);
    this.sending = null;
    // Appends that finished while this notice was sent.
    if (this.pending.size > 0) this.appended([]);
  }
}
