import { AppendNotices } from '@gatehouse/event-store';
import { createHash } from 'node:crypto';
import { Client, escapeIdentifier } from 'pg';

const channelOf = (text: string) => `gh_appended_${createHash('md5').update(text).digest('hex')}`;

/**
 * The channel every append is announced on (append-announcer.ts), with the names of what it appended: one
 * per schema, within PostgreSQL's 63-byte names.
 */
export function appendChannel(schema: string): string {
  return channelOf(schema);
}

/** The channel an append of events that noticeNamesOf names `name` is also announced on, without payload. */
export function appendNameChannel(schema: string, name: string): string {
  return channelOf(`${schema}\n${name}`);
}

const RECONNECT_MS = 1000;

/**
 * What the readers are told once the LISTEN for every append took effect: a name no reader waits for, so it
 * wakes those waiting for every append and those in their window, not the others (AppendNotices).
 */
const EVERY_APPEND_HEARD = '(every append)';

/**
 * How long after a notice of a name it waits for the process also hears every append: AppendNotices' window
 * (tailAll's default noticeMaxMs), in which an append of other types may release an event of that name.
 */
export const WINDOW_MS = 1000;

/**
 * One connection LISTENing for the schema's append notices, opened when a reader first asks for notices.
 * Notices exist only while it is connected: before, and after the connection drops (until it is back),
 * readers poll; a drop also wakes every waiter, so none sleeps on a channel nobody hears.
 *
 * PostgreSQL hands a listening connection every notice of its channels, and each one wakes this process. So
 * it listens for what its readers wait for (AppendNotices tells it): the main channel once any reader waits
 * for every append; else the channels of the names they wait for (a roles service's initial-roles reaction
 * is not woken by plain creates), and, for WINDOW_MS after a notice of one of them, the main channel
 * instead, as AppendNotices' window asks. Never both for long: each append would come twice.
 *
 * A LISTEN takes effect when it completes, and a notice sent before is not delivered: once it has, the
 * readers of what it added are asked to read again. A channel is dropped only after the one replacing it
 * took effect, and its notices are heard until its UNLISTEN is sent; one notice may come twice then.
 */
export class PostgresAppendListener {
  private readonly notices = new AppendNotices((types) => this.interested(types));
  private client: Client | null = null;
  private connected = false;
  private closed = false;
  /** The names readers wait for. */
  private readonly names = new Set<string>();
  /** A reader waits for every append: the main channel always. */
  private everything = false;
  /** Until when (performance.now()) the window after the latest notice of a name lasts. */
  private windowEnds = -Infinity;
  private windowTimer: NodeJS.Timeout | undefined;
  /** Channels a LISTEN was sent for and no UNLISTEN since. */
  private readonly asked = new Set<string>();
  /** The main channel's LISTEN took effect and no UNLISTEN was sent: its notices are the ones heard. */
  private onMain = false;
  /** The statements sent on the connection, in turn (see query). */
  private queries: Promise<unknown> = Promise.resolve();
  private readonly mainChannel: string;
  /** The channel of each name in `names`, keyed by channel (a notice names its channel). */
  private readonly nameChannels = new Map<string, string>();

  constructor(
    private readonly connectionString: string,
    private readonly schema: string,
    private readonly windowMs = WINDOW_MS,
  ) {
    this.mainChannel = appendChannel(schema);
  }

  current(): AppendNotices | null {
    if (!this.client && !this.closed) void this.connect();
    return this.connected ? this.notices : null;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.windowTimer);
    await this.client?.end().catch(() => undefined);
  }

  private interested(types: ReadonlySet<string> | undefined): void {
    if (!types) {
      if (this.everything) return;
      this.everything = true;
      return this.reconcile();
    }
    let added = false;
    for (const name of types) {
      if (this.names.has(name)) continue;
      this.names.add(name);
      this.nameChannels.set(appendNameChannel(this.schema, name), name);
      added = true;
    }
    if (added) this.reconcile();
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: `gatehouse-listen:${this.schema}`,
    });
    this.client = client;
    this.queries = Promise.resolve();
    this.asked.clear();
    this.onMain = false;
    // A dropped connection says so twice ('error', then 'end'): handled once, and its retry clears only
    // its own place. Were a second call to clear the place of the connection that replaced it, a third
    // would be opened and the second, never ended, would hold the process open.
    let gone = false;
    const lost = () => {
      if (gone || this.client !== client) return;
      gone = true;
      this.connected = false;
      this.notices.notify();
      void client.end().catch(() => undefined);
      setTimeout(() => {
        if (this.client === client) this.client = null;
      }, RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', ({ channel, payload }) => {
      // The main channel's payload: the appended names, comma-separated; empty when they would not fit
      // in a notice, which then concerns every reader.
      if (channel === this.mainChannel) return this.heardMain(payload ? payload.split(',') : undefined);
      // While the main channel is heard, the same append's notice comes there, with its names.
      const name = this.nameChannels.get(channel);
      if (name !== undefined && !this.onMain) this.heardName(name);
    });
    try {
      await client.connect();
      if (this.closed || this.client !== client) return void (await client.end());
      this.connected = true;
      this.reconcile();
    } catch {
      lost();
    }
  }

  private heardMain(names: readonly string[] | undefined): void {
    if (names?.some((name) => this.names.has(name))) this.openWindow();
    this.notices.notify(names);
  }

  private heardName(name: string): void {
    this.openWindow();
    this.notices.notify([name]);
  }

  /** Every append heard for `windowMs` from now; then the names alone again, unless a reader waits for all. */
  private openWindow(): void {
    const closed = this.windowEnds <= performance.now();
    this.windowEnds = performance.now() + this.windowMs;
    if (!closed) return;
    this.reconcile();
    const end = () => {
      const left = this.windowEnds - performance.now();
      if (left > 0) return void (this.windowTimer = setTimeout(end, left).unref());
      this.windowTimer = undefined;
      this.reconcile();
    };
    clearTimeout(this.windowTimer);
    this.windowTimer = setTimeout(end, this.windowMs).unref();
  }

  /**
   * Sends the LISTENs and UNLISTENs that bring the connection to what the readers wait for: new channels
   * first (their readers asked to read again once the LISTEN took effect), then the UNLISTEN of those no
   * longer wanted, so no append goes unheard in between.
   */
  private reconcile(): void {
    if (!this.connected) return;
    const main = this.everything || this.windowEnds > performance.now();
    const wanted = new Map<string, readonly string[]>(
      main
        ? [[this.mainChannel, [EVERY_APPEND_HEARD]]]
        : [...this.nameChannels].map(([channel, name]) => [channel, [name]]),
    );
    const added = [...wanted.keys()].filter((channel) => !this.asked.has(channel));
    const dropped = [...this.asked].filter((channel) => !wanted.has(channel));
    const client = this.client;
    if (added.length > 0) {
      for (const channel of added) this.asked.add(channel);
      const names = added.flatMap((channel) => wanted.get(channel) as readonly string[]);
      void this.query(added.map((channel) => `LISTEN ${escapeIdentifier(channel)};`).join(' '))
        .then(() => {
          if (this.client !== client) return;
          if (added.includes(this.mainChannel) && this.asked.has(this.mainChannel)) this.onMain = true;
          this.notices.readAgain(names);
        })
        .catch(() => undefined);
    }
    if (dropped.length > 0) {
      for (const channel of dropped) this.asked.delete(channel);
      if (dropped.includes(this.mainChannel)) this.onMain = false;
      void this.query(dropped.map((channel) => `UNLISTEN ${escapeIdentifier(channel)};`).join(' ')).catch(
        () => undefined,
      );
    }
  }

  /** One statement at a time on the connection: pg deprecates a query sent while another runs. */
  private query(sql: string): Promise<unknown> {
    const client = this.client;
    if (!client) return Promise.reject(new Error('not connected'));
    const run = this.queries.then(() => client.query(sql));
    this.queries = run.catch(() => undefined);
    return run;
  }
}
