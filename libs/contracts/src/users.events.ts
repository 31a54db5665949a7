import type { DomainEvent } from './envelope';
import type { LanguageTag } from './languages';

/** Public contract of the users context (topic gatehouse.users.v1), schema version 1. */
export interface UserProfile {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly username: string;
  readonly mobile: string | null;
  readonly language: LanguageTag;
  readonly timeZone: string;
}

export type UserCreated = DomainEvent<
  'UserCreated',
  { readonly userId: string; readonly accountId: string } & UserProfile
>;
export type UsernameReserved = DomainEvent<
  'UsernameReserved',
  { readonly username: string; readonly userId: string }
>;
export type UserLoginSucceeded = DomainEvent<
  'UserLoginSucceeded',
  { readonly userId: string; readonly sessionId: string; readonly ip: string; readonly channel: LoginChannel }
>;
export type UserSessionEnded = DomainEvent<
  'UserSessionEnded',
  { readonly userId: string; readonly sessionId: string; readonly reason: 'logout' }
>;

export type DetailChange<T> = { readonly from: T; readonly to: T };
export type UserDetailsUpdated = DomainEvent<
  'UserDetailsUpdated',
  {
    readonly userId: string;
    readonly changes: {
      readonly [K in 'firstName' | 'lastName' | 'language' | 'timeZone']?: DetailChange<UserProfile[K]>;
    };
  }
>;

export type LoginChannel = 'password';

export type UserEvent = UserCreated | UserDetailsUpdated | UserLoginSucceeded | UserSessionEnded;
export type UsernameEvent = UsernameReserved;
