import type { DomainEvent } from './envelope';

/** Public contract of the roles context (topic gatehouse.roles.v1), schema version 1. */
export const BuiltInRoles = { accountAdmin: 'account-admin' } as const;

/**
 * What a role allows. The set is fixed by the product (docs/permissions.md maps every endpoint to one);
 * roles, built-in or custom, are named bundles of these.
 */
export const Permissions = [
  'users:read',
  'users:manage',
  'roles:manage',
  'access:manage',
  // The account's event history: every change, by whom and when, and a user's state at any moment.
  'audit:read',
] as const;
export type Permission = (typeof Permissions)[number];

export type RoleToggled = DomainEvent<
  'RoleToggled',
  { readonly userId: string; readonly roleId: string; readonly enabled: boolean }
>;

/** A custom role an Account admin added to the account's catalog; `roleId` is `custom-<uuid>`. */
export type RoleDefined = DomainEvent<
  'RoleDefined',
  { readonly roleId: string; readonly name: string; readonly permissions: readonly Permission[] }
>;

/**
 * The account's set of Account admins changed. Kept in a small stream of its own, appended atomically with
 * the RoleToggled of the user it names, so the rules over all admins ("the last one keeps the role") are
 * checked on one version without reading every user's roles.
 */
export type AccountAdminAdded = DomainEvent<'AccountAdminAdded', { readonly userId: string }>;
export type AccountAdminRemoved = DomainEvent<'AccountAdminRemoved', { readonly userId: string }>;

export type RolesEvent = RoleToggled | RoleDefined | AccountAdminAdded | AccountAdminRemoved;
