import type { AppendNotices } from '@gatehouse/event-store';
import { testEnv, uniqueName } from '@gatehouse/testing';
import { Client } from 'pg';
import { PostgresAppendAnnouncer } from './append-announcer';
import { appendNameChannel, PostgresAppendListener } from './append-listener';

const never = new AbortController().signal;
const LONG = 120_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The listener's notices, once its connection is up. */
async function noticesOf(listener: PostgresAppendListener): Promise<AppendNotices> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const notices = listener.current();
    if (notices) return notices;
    if (Date.now() > deadline) throw new Error('no append notices within 30 s');
    await pause(20);
  }
}

/**
 * Notices as processes hear them over real LISTEN connections, told apart by the names each notice
 * handed to AppendNotices carried. PostgreSQL delivers a connection's notices in commit order, and the
 * announcer sends one notice at a time: a notice of an earlier append, if a connection gets it at all,
 * comes before that of a later one.
 */
describe('PostgreSQL append listener', () => {
  let schema: string;
  let announcer: PostgresAppendAnnouncer;
  const listeners: PostgresAppendListener[] = [];

  /** A process's listener with a reader of `names` (of every append without), and the names it heard. */
  async function processWith(names: string[] | undefined, windowMs?: number) {
    const listener = new PostgresAppendListener(testEnv.pgUrl, schema, windowMs);
    listeners.push(listener);
    const notices = await noticesOf(listener);
    const heard: (readonly string[] | undefined)[] = [];
    const notify = notices.notify.bind(notices);
    notices.notify = (types) => {
      heard.push(types);
      notify(types);
    };
    /** What its readers were asked to read again for: a LISTEN took effect. */
    const rereads: (readonly string[])[] = [];
    const readAgain = notices.readAgain.bind(notices);
    notices.readAgain = (types) => {
      rereads.push(types);
      readAgain(types);
    };
    // Its first wait returns once the LISTEN it asked for took effect (the readers are woken then).
    await notices.wait(notices.mark(), LONG, never, names && new Set(names));
    heard.length = 0;
    /** Whether it heard a notice naming `name` since `from` (an index into heard). */
    const named = (name: string, from = 0) => heard.slice(from).some((types) => types?.includes(name));
    /** Waits until it heard a notice naming `name` after `from`. */
    const until = async (name: string, from: number) => {
      const deadline = Date.now() + 30_000;
      while (!named(name, from)) {
        if (Date.now() > deadline) throw new Error(`${name} not heard within 30 s`);
        await pause(5);
      }
    };
    return { listener, notices, heard, rereads, named, until };
  }

  /** Announces `before`, then a Wanted append, and says whether `process` heard `before` ahead of it. */
  async function heardAheadOfWanted(process: Awaited<ReturnType<typeof processWith>>, before: string) {
    const from = process.heard.length;
    announcer.appended([before]);
    await pause(20); // the announcer sends a notice at most every 5 ms; this one goes on its own
    announcer.appended(['Wanted']);
    await process.until('Wanted', from);
    return process.named(before, from);
  }

  beforeEach(() => {
    schema = uniqueName('listen');
    announcer = new PostgresAppendAnnouncer(testEnv.pgUrl, schema);
  });

  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((one) => one.close()));
    await announcer.close();
  });

  it('does not hand a process whose readers wait for some names the notices of other names', async () => {
    const typed = await processWith(['Wanted']);
    expect(await heardAheadOfWanted(typed, 'Unwanted')).toBe(false);
  });

  it('hands a process with a reader of every append every notice', async () => {
    const all = await processWith(undefined);
    expect(await heardAheadOfWanted(all, 'Unwanted')).toBe(true);
  });

  it('hears every append for the window after a notice of its names, then only its names again', async () => {
    const typed = await processWith(['Wanted'], 500);
    // Each round's Wanted notice opens the window; its LISTEN takes effect within a round or a few.
    let heard = false;
    for (let round = 0; !heard && round < 100; round++) heard = await heardAheadOfWanted(typed, 'Unwanted');
    expect(heard).toBe(true);
    // Rounds a window apart: once the UNLISTEN took effect, another name's notice is not heard.
    const deadline = Date.now() + 30_000;
    while (heard && Date.now() < deadline) {
      await pause(700);
      heard = await heardAheadOfWanted(typed, 'Unwanted');
    }
    expect(heard).toBe(false);
  });

  it('is handed each append once while it hears every append', async () => {
    const typed = await processWith(['Wanted'], 60_000);
    // What the connection is handed, before the listener makes notices of it.
    const delivered: string[] = [];
    const client = (typed.listener as unknown as { client: Client }).client;
    client.on('notification', ({ channel, payload }) => delivered.push(payload || channel));
    /** The notices of one Wanted append that reached the connection (a later append's come after them). */
    const copiesOfWanted = async () => {
      const from = delivered.length;
      announcer.appended(['Wanted']);
      await pause(20);
      announcer.appended(['Marker']);
      const deadline = Date.now() + 30_000;
      while (!delivered.slice(from).includes('Marker') && Date.now() < deadline) await pause(5);
      return delivered.slice(from).filter((what) => what !== 'Marker');
    };
    // The main channel is LISTENed after the first notice of its name, and the name's channel dropped after
    // that took effect: within a round or a few, the notice comes on the main channel alone, and stays so.
    let copies = await copiesOfWanted();
    for (let round = 0; copies.join() !== 'Wanted' && round < 100; round++) copies = await copiesOfWanted();
    expect(copies).toEqual(['Wanted']);
    expect(await copiesOfWanted()).toEqual(['Wanted']);
  });

  it('listens for its names again once its dropped connection is back', async () => {
    const typed = await processWith(['Wanted']);
    const admin = new Client({ connectionString: testEnv.pgUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE query LIKE '%' || $1 || '%' AND pid <> pg_backend_pid()`,
        [appendNameChannel(schema, 'Wanted')],
      );
      expect(rowCount).toBe(1);
    } finally {
      await admin.end();
    }
    const deadline = Date.now() + 30_000;
    while (typed.listener.current() !== null && Date.now() < deadline) await pause(20);
    expect(typed.listener.current()).toBeNull();
    const from = typed.rereads.length;
    await noticesOf(typed.listener);
    // Its readers are woken once the LISTEN on the new connection took effect; then a notice of its name
    // comes, and one of another does not.
    while (!typed.rereads.slice(from).some((names) => names.includes('Wanted'))) {
      if (Date.now() > deadline) throw new Error('no LISTEN for Wanted within 30 s of the drop');
      await pause(20);
    }
    expect(await heardAheadOfWanted(typed, 'Unwanted')).toBe(false);
    // The dropped connection is replaced once, not twice ('error' and 'end' both report the drop), and
    // closing ends the one left: no connection is left open to hold the process.
    await pause(1500);
    expect(await listenConnections(1)).toBe(1);
    await typed.listener.close();
    expect(await listenConnections(0)).toBe(0);
  });

  /** This schema's listener connections (by the name they give the server), once `expected` or after 5 s. */
  async function listenConnections(expected: number): Promise<number> {
    const admin = new Client({ connectionString: testEnv.pgUrl });
    await admin.connect();
    try {
      const deadline = Date.now() + 5000;
      for (;;) {
        const { rows } = await admin.query<{ count: string }>(
          'SELECT count(*) FROM pg_stat_activity WHERE application_name = $1',
          [`gatehouse-listen:${schema}`],
        );
        // A backend ends a moment after its client does: a count not yet as expected is asked again.
        if (Number(rows[0].count) === expected || Date.now() > deadline) return Number(rows[0].count);
        await pause(50);
      }
    } finally {
      await admin.end();
    }
  }
});
