import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type LoginLimits } from '@gatehouse/identity';
import { Metrics } from '@gatehouse/operations';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

export abstract class LoginLimiters {
  abstract readonly limits: LoginLimits;
  abstract readonly perAddress: RateLimiterAbstract;
  abstract readonly perUsername: RateLimiterAbstract;
  /** Ends the connection the counters use, if they have one. */
  abstract close(): Promise<void>;
}

/** Embedded mode: counters in the process. */
export const memoryLoginLimiters = (limits: LoginLimits): LoginLimiters => ({
  limits,
  perAddress: new RateLimiterMemory({ ...limits.perAddress, keyPrefix: 'login-address' }),
  perUsername: new RateLimiterMemory({ ...limits.perUsername, keyPrefix: 'login-username' }),
  close: async () => undefined,
});

/** Distributed mode: counters shared by every users service instance. */
export const redisLoginLimiters = (redis: Redis, prefix: string, limits: LoginLimits): LoginLimiters => ({
  limits,
  perAddress: new RateLimiterRedis({
    ...limits.perAddress,
    storeClient: redis,
    keyPrefix: `${prefix}login-address`,
  }),
  perUsername: new RateLimiterRedis({
    ...limits.perUsername,
    storeClient: redis,
    keyPrefix: `${prefix}login-username`,
  }),
  close: async () => void (await redis.quit()),
});

/** Usernames are keyed by their reservation stream id (a keyed hash), so no name is a Redis key. */
@Injectable()
export class LoginThrottle implements OnApplicationShutdown {
  private readonly logger = new Logger('login-throttle');

  constructor(
    private readonly limiters: LoginLimiters,
    private readonly metrics: Metrics,
  ) {}

  onApplicationShutdown(): Promise<void> {
    return this.limiters.close();
  }

  /**
   * Seconds until a login from this address, or for this username, is tried again; null when allowed.
   * Both counters are read at once (one round trip to Redis) and judged address first.
   */
  async retryAfter(address: string, usernameKey: string): Promise<number | null> {
    const checks = [
      ['address', this.limiters.perAddress, address, this.limiters.limits.perAddress.points],
      ['username', this.limiters.perUsername, usernameKey, this.limiters.limits.perUsername.points],
    ] as const;
    const states = await Promise.all(checks.map(([, limiter, key]) => limiter.get(key)));
    for (const [n, [by, , , points]] of checks.entries()) {
      const state = states[n];
      if (state && state.consumedPoints >= points) {
        this.metrics.loginsThrottled.inc({ by });
        return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
      }
    }
    return null;
  }

  async failed(address: string, usernameKey: string): Promise<void> {
    const counted = await Promise.allSettled([
      this.limiters.perAddress.consume(address),
      this.limiters.perUsername.consume(usernameKey),
    ]);
    // A rejection carrying no error is the limit reached: report the address once, when it is crossed.
    const [byAddress] = counted;
    if (byAddress.status === 'rejected' && !(byAddress.reason instanceof Error)) {
      const state = byAddress.reason as { consumedPoints: number };
      if (state.consumedPoints === this.limiters.limits.perAddress.points + 1) {
        this.logger.warn(`failed logins from ${address} reached the limit; throttled`);
      }
    }
    for (const result of counted) {
      if (result.status === 'rejected' && result.reason instanceof Error) throw result.reason;
    }
  }
}
