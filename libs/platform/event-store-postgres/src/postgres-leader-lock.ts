import { sleep } from '@gatehouse/event-store';
import { Client, type ClientConfig, type Pool } from 'pg';

export interface AcquireOptions {
  /** How often a waiting acquirer asks again; default 500 ms. */
  readonly pollMs?: number;
}

/**
 * Leadership through a PostgreSQL session advisory lock, so exactly one instance of a singleton (the
 * relay) is active. The lock lives as long as one dedicated connection: when that connection breaks the
 * server releases the lock (another instance takes over) and `lost` aborts here, so the old leader stops.
 */
export class PostgresLeaderLock {
  private readonly lostController = new AbortController();
  private released = false;

  private constructor(
    private readonly client: Client,
    readonly name: string,
  ) {
    const lose = (): void => {
      if (!this.released) this.lostController.abort(new Error(`leadership of '${name}' lost`));
    };
    client.on('error', lose);
    client.on('end', lose);
  }

  /** Aborted when the lock's connection fails: stop acting as leader at once. */
  get lost(): AbortSignal {
    return this.lostController.signal;
  }

  /**
   * Waits until this process holds the lock named `name`, asking every `pollMs`. Rejects with the
   * signal's reason when `signal` aborts first. Connects with the pool's settings but outside it: the
   * lock must not go back to a pool with its connection.
   */
  static async acquire(
    target: Pool | string,
    name: string,
    signal: AbortSignal,
    options: AcquireOptions = {},
  ): Promise<PostgresLeaderLock> {
    const client = leaderClient(target, name);
    // Errors while waiting surface through the failing query below; this keeps an idle one from crashing.
    const ignore = (): void => undefined;
    client.on('error', ignore);
    try {
      await client.connect();
      while (!(await tryLock(client, name))) {
        signal.throwIfAborted();
        await sleep(options.pollMs ?? 500, signal);
      }
      signal.throwIfAborted();
    } catch (error) {
      await client.end().catch(ignore);
      throw error;
    }
    client.off('error', ignore);
    return new PostgresLeaderLock(client, name);
  }

  /** Holds the lock named `name` if it is free now, else `null`; never waits. */
  static async tryAcquire(target: Pool | string, name: string): Promise<PostgresLeaderLock | null> {
    const client = leaderClient(target, name);
    const ignore = (): void => undefined;
    client.on('error', ignore);
    let locked = false;
    try {
      await client.connect();
      locked = await tryLock(client, name);
    } finally {
      if (!locked) await client.end().catch(ignore);
    }
    client.off('error', ignore);
    return locked ? new PostgresLeaderLock(client, name) : null;
  }

  /** Gives up leadership: ending the session releases the lock on the server. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.client.end();
  }
}

function leaderClient(target: Pool | string, name: string): Client {
  const config: ClientConfig =
    typeof target === 'string' ? { connectionString: target } : (target.options as ClientConfig);
  return new Client({ ...config, keepAlive: true, application_name: `gatehouse-leader:${name}` });
}

async function tryLock(client: Client, name: string): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
    [name],
  );
  return rows[0].locked;
}
