import type { LanguageTag, LoginChannel } from '@gatehouse/contracts';

/** Only 'active' today; UserDisabled / UserLocked will widen this union. */
export type UserStatus = 'active';

/** One line of the users list, as every read-model adapter returns it. */
export interface UserRow {
  readonly id: string;
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
}

/** The columns a write may set directly; `id` is the row key and `roles` change only by toggles. */
export type UserFields = Omit<UserRow, 'id' | 'roles'>;
