import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Metrics } from '@gatehouse/operations';
import type { Redis } from 'ioredis';
import {
  type IRateLimiterOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from 'rate-limiter-flexible';

/**
 * Failed logins counted per client address and per username, beside the lockout: a credential-stuffing run
 * tries one password on many usernames from one address, which locks nobody out but is stopped here (by
 * default after 20 failures in 10 minutes); one username guessed from many addresses is slowed after 10.
 * Only failures count, so a real user who logs in is never throttled by succeeding.
 */
export interface LoginLimits {
  readonly perAddress: IRateLimiterOptions & { readonly points: number };
  readonly perUsername: IRateLimiterOptions & { readonly points: number };
}

/**
 * `GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS` (20) and `GATEHOUSE_LOGIN_FAILURES_PER_USERNAME` (10) per 10
 * minutes; an address or username over its limit waits 10 or 5 minutes.
 */
export function readLoginLimits(env: NodeJS.ProcessEnv): LoginLimits {
  const points = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
    return value;
  };
  return {
    perAddress: {
      points: points('GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS', 20),
      duration: 600,
      blockDuration: 600,
    },
    perUsername: {
      points: points('GATEHOUSE_LOGIN_FAILURES_PER_USERNAME', 10),
      duration: 600,
      blockDuration: 300,
    },
  };
}

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

  /** Seconds until a login from this address, or for this username, is tried again; null when allowed. */
  async retryAfter(address: string, usernameKey: string): Promise<number | null> {
    const checks = [
      ['address', this.limiters.perAddress, address, this.limiters.limits.perAddress.points],
      ['username', this.limiters.perUsername, usernameKey, this.limiters.limits.perUsername.points],
    ] as const;
    for (const [by, limiter, key, points] of checks) {
      const state = await limiter.get(key);
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
