import { Injectable } from '@nestjs/common';
import { type RateLimiterAbstract, RateLimiterMemory } from 'rate-limiter-flexible';
import { LoginLimits } from '../passwords/login-limits';

/**
 * Refused basic credentials counted per client address and per username, with the login's limits
 * (GATEHOUSE_LOGIN_FAILURES_PER_ADDRESS, _PER_USERNAME), so basic authentication is no way around the
 * login throttle for guessing passwords. Counted in each process: a refusal here writes nothing shared,
 * as every service runs it and only the users service keeps the login's counters (in Redis when
 * distributed) — n processes allow n times the limit, each still bounded.
 */
@Injectable()
export class BasicAuthThrottle {
  private readonly counters: readonly [RateLimiterAbstract, number, 'address' | 'username'][];

  constructor(limits: LoginLimits) {
    this.counters = [
      [
        new RateLimiterMemory({ ...limits.perAddress, keyPrefix: 'basic-address' }),
        limits.perAddress.points,
        'address',
      ],
      [
        new RateLimiterMemory({ ...limits.perUsername, keyPrefix: 'basic-username' }),
        limits.perUsername.points,
        'username',
      ],
    ];
  }

  /** Whether this address, or this username (its reservation stream id), has used up its failures. */
  async throttled(address: string, usernameKey: string): Promise<boolean> {
    const states = await Promise.all(
      this.counters.map(([counter, , by]) => counter.get(by === 'address' ? address : usernameKey)),
    );
    return states.some((state, n) => state !== null && state.consumedPoints >= this.counters[n][1]);
  }

  async failed(address: string, usernameKey: string): Promise<void> {
    // Past the limit, consume rejects: that is the counting, not an error.
    await Promise.allSettled(
      this.counters.map(([counter, , by]) => counter.consume(by === 'address' ? address : usernameKey)),
    );
  }
}
