import type { IRateLimiterOptions } from 'rate-limiter-flexible';

/**
 * Failed logins counted per client address and per username, beside the lockout: a credential-stuffing run
 * tries one password on many usernames from one address, which locks nobody out but is stopped here (by
 * default after 20 failures in 10 minutes); one username guessed from many addresses is slowed after 10.
 * Only failures count, so a real user who logs in is never throttled by succeeding. HTTP basic
 * authentication counts its refusals against the same limits (BasicAuthThrottle).
 */
export abstract class LoginLimits {
  abstract readonly perAddress: IRateLimiterOptions & { readonly points: number };
  abstract readonly perUsername: IRateLimiterOptions & { readonly points: number };
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
