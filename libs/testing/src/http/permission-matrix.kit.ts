import type { OpenedAccount } from './scenario';
import type { LifecycleStack, Member } from './user-lifecycle.kit';

export type Caller = 'admin' | 'manager' | 'support' | 'developer';

export interface Context {
  readonly accountId: string;
  readonly target: string;
  readonly member: Member;
  /** Ids a row's `prepare` made: an API key or invite of the account, a session of `developer`. */
  readonly made: Readonly<Record<string, string>>;
  /** The member with no permissions, whose sessions the session rows end. */
  readonly developer: Member;
}

export interface Row {
  readonly endpoint: string;
  readonly request: (context: Context) => { method: string; path: string; body?: unknown };
  /** A caller whose permission suffices: authorisation passes (whatever the business answer). */
  readonly allowed: Caller;
  /** A caller of the same account lacking the permission (403); absent when every user may call it. */
  readonly refused?: Caller;
  /** Makes what the request names (as the account's admin), before each call. */
  readonly prepare?: (kit: PrepareKit) => Promise<Record<string, string>>;
}

export interface PrepareKit {
  readonly stack: LifecycleStack;
  readonly account: OpenedAccount;
  readonly target: string;
  readonly developer: Member;
}

export const users = (c: Context) => `/v1/accounts/${c.accountId}/users`;
export const user = (c: Context) => `${users(c)}/${c.target}`;
export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
