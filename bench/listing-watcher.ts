import { usersListDeclaration as model } from '@gatehouse/users-list';
import type { Redis } from 'ioredis';
import { RedisKeys } from '../libs/platform/read-models-redis/src/redis-keys';

/**
 * Watches the users list in Redis for users the bench created: every `intervalMs` it asks, in one
 * pipeline, whether each pending user's row in the serving generation has its `createdAt` (what makes a
 * row listed), and calls back with the time the answer came (an upper bound on when the row became
 * visible). Keys from RedisReadModelStore's own RedisKeys, so a layout change cannot leave it looking at
 * keys nobody writes.
 */
export class ListingWatcher {
  private readonly pending = new Map<string, (listedAt: number) => void>();
  private stopped = false;
  private failure: unknown = null;
  private readonly loop: Promise<void>;
  private readonly keys: RedisKeys;

  constructor(
    private readonly redis: Redis,
    redisPrefix: string,
    private readonly accountId: string,
    private readonly intervalMs = 2,
  ) {
    this.keys = new RedisKeys(redisPrefix);
    // Kept, not thrown: a rejected loop nobody awaits yet would kill the bench before it cleans up.
    this.loop = this.run().catch((error: unknown) => {
      this.failure = error ?? new Error('listing watcher failed');
    });
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
    const generation = await this.redis.get(this.keys.pointer(model));
    if (generation === null) return;
    const ids = [...this.pending.keys()];
    const rows = `${this.keys.base(model, Number(generation), this.accountId)}row:`;
    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hexists(`${rows}${id}`, 'createdAt');
    const replies = (await pipeline.exec()) ?? [];
    const answeredAt = performance.now();
    replies.forEach(([error, listed], index) => {
      if (error) throw error;
      if (listed !== 1) return;
      this.pending.get(ids[index])?.(answeredAt);
      this.pending.delete(ids[index]);
    });
  }
}
