import { BuiltInRoles } from '@gatehouse/contracts';

/** Roles every account has from the start. Custom roles per account come with the roles service. */
export const builtInRoleIds: readonly string[] = [
  BuiltInRoles.accountAdmin,
  'developer',
  'analyst',
  'support',
];
