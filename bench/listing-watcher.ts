import type { Redis } from 'ioredis';

/** Most ids asked for in one ZMSCORE. */
const CHUNK = 500;

/**
 * Watches the users list in Redis for users the bench created: every `intervalMs` it asks, in one
 * pipeline, whether each pending user id is in the account's list index, and calls back with the time
 * the answer came (an upper bound on when the row became visible). Keys as in the Redis users-list adapter.
 */
export class ListingWatcher {
  private readonly pending = new Map<string, (listedAt: number) => void>();
  private stopped = false;
  private failure: unknown = null;
  private readonly loop: Promise<void>;

  constructor(
    private readonly redis: Redis,
    private readonly indexKey: string,
    private readonly intervalMs = 2,
  ) {
    // Kept, not thrown: a rejected loop nobody awaits yet would kill the bench before it cleans up.
    this.loop = this.run().catch((error: unknown) => {
      this.failure = error ?? new Error('listing watcher failed');
    });
  }

  static indexKey(redisPrefix: string, accountId: string): string {
    return `${redisPrefix}acct:{${accountId}}:users`;
  }

  watch(userId: string, onListed: (listedAt: number) => void): void {
    this.pending.set(userId, onListed);
  }

  /** Pending users; throws if polling Redis failed. */
  get pendingCount(): number {
    if (this.failure) throw this.failure;
    return this.pending.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (this.pending.size > 0) await this.check();
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }

  private async check(): Promise<void> {
    const ids = [...this.pending.keys()];
    const pipeline = this.redis.pipeline();
    for (let i = 0; i < ids.length; i += CHUNK) pipeline.zmscore(this.indexKey, ...ids.slice(i, i + CHUNK));
    const replies = (await pipeline.exec()) ?? [];
    const answeredAt = performance.now();
    replies.forEach(([error, scores], chunk) => {
      if (error) throw error;
      (scores as (string | null)[]).forEach((score, i) => {
        if (score === null) return;
        const id = ids[chunk * CHUNK + i];
        this.pending.get(id)?.(answeredAt);
        this.pending.delete(id);
      });
    });
  }
}
