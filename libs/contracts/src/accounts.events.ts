import type { DomainEvent } from './envelope';

/** Public contract of the accounts context (topic gatehouse.accounts.v1), schema version 1. */
export type AccountCreated = DomainEvent<
  'AccountCreated',
  { readonly accountId: string; readonly name: string; readonly firstAdminId: string }
>;

export type AccountEvent = AccountCreated;
