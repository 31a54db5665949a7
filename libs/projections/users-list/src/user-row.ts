import type { LanguageTag, LoginChannel, UserStatus } from '@gatehouse/contracts';

/** One line of the users list, as every read-model adapter returns it. */
export interface UserRow {
  readonly id: string;
  /** First and last name joined by a space, as the list shows it (the declaration's `joined`). */
  readonly name: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly username: string;
  readonly mobile: string | null;
  readonly language: LanguageTag;
  readonly timeZone: string;
  readonly status: UserStatus;
  /** In the order the roles were first granted. */
  readonly roles: readonly string[];
  readonly lastLoginAt: string | null;
  readonly lastLoginIp: string | null;
  readonly lastLoginChannel: LoginChannel | null;
  readonly createdAt: string;
  /** When the user asked (or an admin asked) for the account's deletion; erasure follows later. */
  readonly deletionRequestedAt: string | null;
}

/** The columns a write may set directly; `id` is the row key, `roles` change only by toggles, `name` is read. */
export type UserFields = Omit<UserRow, 'id' | 'roles' | 'name'>;
