import type { Provider } from '@nestjs/common';
import { requiredSecret } from '@gatehouse/config';
import { LoginLimits, readLoginLimits } from './passwords/login-limits';
import { PasswordHashingConfig, readPasswordHashing } from './passwords/password-hashing.config';
import type { Clock } from './session/clock';
import { SessionConfig } from './session.config';
import { ReservationConfig } from './usernames/username-reservations';

/**
 * The secrets the identity lib needs in every service: the key signing sessions, and the key naming
 * username reservations (basic authentication finds a user by their username's reservation).
 */
export interface IdentitySecrets {
  readonly sessionKey: string;
  readonly reservationKey: string;
}

export const readIdentitySecrets = (env: NodeJS.ProcessEnv): IdentitySecrets => ({
  sessionKey: requiredSecret(env, 'GATEHOUSE_SESSION_KEY'),
  reservationKey: requiredSecret(env, 'GATEHOUSE_RESERVATION_KEY'),
});

/** What a runtime binds (and exports) for IdentityModule, beside its event and secret stores. */
export const IDENTITY_CONFIG = [SessionConfig, ReservationConfig, PasswordHashingConfig, LoginLimits];

/**
 * Hashing (GATEHOUSE_ARGON2_…, GATEHOUSE_HASH_CONCURRENCY) and the limits of failed passwords
 * (GATEHOUSE_LOGIN_FAILURES_…) as the environment sets them, unless given. Sessions are judged by the
 * system clock unless the secrets come with one (tests that move time).
 */
export const identityConfig = (
  secrets: IdentitySecrets & { readonly clock?: Clock },
  hashing: PasswordHashingConfig = readPasswordHashing(process.env),
  limits: LoginLimits = readLoginLimits(process.env),
): Provider[] => [
  { provide: SessionConfig, useValue: { sessionKey: secrets.sessionKey, clock: secrets.clock } },
  { provide: ReservationConfig, useValue: { reservationKey: secrets.reservationKey } },
  { provide: PasswordHashingConfig, useValue: hashing },
  { provide: LoginLimits, useValue: limits },
];
