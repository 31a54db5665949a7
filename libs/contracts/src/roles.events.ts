import type { DomainEvent } from './envelope';

/** Public contract of the roles context (topic gatehouse.roles.v1), schema version 1. */
export const BuiltInRoles = { accountAdmin: 'account-admin' } as const;

export type RoleToggled = DomainEvent<
  'RoleToggled',
  { readonly userId: string; readonly roleId: string; readonly enabled: boolean }
>;

export type RolesEvent = RoleToggled;
