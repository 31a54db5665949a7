import type { DomainEvent } from './envelope';
import type { DetailChange } from './users.events';

/** Public contract of the accounts context (topic gatehouse.accounts.v1), schema version 1. */
export type AccountCreated = DomainEvent<
  'AccountCreated',
  { readonly accountId: string; readonly name: string; readonly firstAdminId: string }
>;

/** Character classes: lowercase, uppercase, digits, and everything else (symbols, uncased letters). */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly minCharacterClasses: number;
}

/** `maxFailures` failed logins within `windowMinutes` lock the user. */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly windowMinutes: number;
}

/** A session ends after `idleTimeoutMinutes` without a request, and `absoluteLifetimeMinutes` after its login. */
export interface SessionPolicy {
  readonly idleTimeoutMinutes: number;
  readonly absoluteLifetimeMinutes: number;
}

export interface AccountSettings {
  readonly passwordPolicy: PasswordPolicy;
  readonly lockout: LockoutPolicy;
  readonly sessions: SessionPolicy;
}

export type AccountSettingsChanged = DomainEvent<
  'AccountSettingsChanged',
  {
    readonly accountId: string;
    readonly changes: { readonly [K in keyof AccountSettings]?: DetailChange<AccountSettings[K]> };
  }
>;

export type AccountEvent = AccountCreated | AccountSettingsChanged;
