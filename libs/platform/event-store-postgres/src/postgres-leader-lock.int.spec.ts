import { testEnv, uniqueName } from '@gatehouse/testing';
import { Client, Pool } from 'pg';
import { PostgresLeaderLock } from './postgres-leader-lock';

const pollMs = 20;

/** Backend holding the session advisory lock on hashtext(name): bigint keys show as classid/objid halves. */
async function holderPid(name: string): Promise<number | undefined> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      `SELECT pid FROM pg_locks, (SELECT hashtext($1)::bigint & 4294967295 AS low,
                                         (hashtext($1)::bigint >> 32) & 4294967295 AS high) key
       WHERE locktype = 'advisory' AND granted AND objsubid = 1
         AND objid::text::bigint = key.low AND classid::text::bigint = key.high`,
      [name],
    );
    return rows[0]?.pid;
  } finally {
    await client.end();
  }
}

async function terminate(pid: number): Promise<void> {
  const client = new Client({ connectionString: testEnv.pgUrl });
  await client.connect();
  await client.query('SELECT pg_terminate_backend($1)', [pid]);
  await client.end();
}

const settled = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

describe('PostgreSQL leader lock', () => {
  const shutdown = new AbortController();
  const held: PostgresLeaderLock[] = [];
  const acquire = async (target: Pool | string, name: string, signal = shutdown.signal) => {
    const lock = await PostgresLeaderLock.acquire(target, name, signal, { pollMs });
    held.push(lock);
    return lock;
  };
  afterEach(async () => {
    await Promise.all(held.splice(0).map((lock) => lock.release()));
  });

  describe('when another instance leads', () => {
    it('waits until the leader releases, then leads', async () => {
      const name = uniqueName('relay');
      const first = await acquire(testEnv.pgUrl, name);
      const second = acquire(testEnv.pgUrl, name);
      expect(await settled(second, 10 * pollMs)).toBe(false);
      await first.release();
      const next = await second;
      expect(next.lost.aborted).toBe(false);
      expect(first.lost.aborted).toBe(false);
    });

    it('takes over when the leader connection is killed, and the old leader learns it lost', async () => {
      const name = uniqueName('relay');
      const pool = new Pool({ connectionString: testEnv.pgUrl });
      const first = await acquire(pool, name);
      const second = acquire(testEnv.pgUrl, name);
      expect(await settled(second, 10 * pollMs)).toBe(false);
      const pid = await holderPid(name);
      expect(pid).toBeDefined();
      const lost = new Promise((resolve) => first.lost.addEventListener('abort', resolve));
      await terminate(pid as number);
      await lost;
      expect(first.lost.aborted).toBe(true);
      expect((await second).lost.aborted).toBe(false);
      await pool.end();
    });

    it('is refused at once by tryAcquire, which leads once the leader released', async () => {
      const name = uniqueName('reaction');
      const first = await acquire(testEnv.pgUrl, name);
      expect(await PostgresLeaderLock.tryAcquire(testEnv.pgUrl, name)).toBeNull();
      await first.release();
      const next = await PostgresLeaderLock.tryAcquire(testEnv.pgUrl, name);
      expect(next).not.toBeNull();
      held.push(next as PostgresLeaderLock);
      expect(await holderPid(name)).toBeDefined();
    });

    it('gives up waiting when its signal aborts', async () => {
      const name = uniqueName('relay');
      await acquire(testEnv.pgUrl, name);
      const cancel = new AbortController();
      const waiting = acquire(testEnv.pgUrl, name, cancel.signal);
      cancel.abort(new Error('shutting down'));
      await expect(waiting).rejects.toThrow('shutting down');
    });
  });

  describe('when locks have different names', () => {
    it('lets each be held at once', async () => {
      await acquire(testEnv.pgUrl, uniqueName('relay'));
      const other = await acquire(testEnv.pgUrl, uniqueName('relay'));
      expect(other.lost.aborted).toBe(false);
    });
  });
});
