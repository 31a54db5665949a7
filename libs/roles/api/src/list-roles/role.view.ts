import type { Permission } from '@gatehouse/contracts';
import type { RoleDefinition } from '@gatehouse/identity-domain';

/** A catalog entry as the API shows it. */
export interface RoleView {
  readonly id: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly permissions: readonly Permission[];
}

export const roleView = ({ id, name, builtIn, permissions }: RoleDefinition): RoleView => ({
  id,
  name,
  builtIn,
  permissions,
});
