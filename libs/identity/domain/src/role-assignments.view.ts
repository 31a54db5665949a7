import type { RoleToggled } from '@gatehouse/contracts';
import type { View } from '@gatehouse/domain-kit';

/** One user's roles (`role-assignments-<userId>`). */
export type RoleAssignmentsState = { readonly roles: ReadonlySet<string> };

export const roleAssignmentsView: View<RoleAssignmentsState, RoleToggled> = {
  initialState: () => ({ roles: new Set() }),
  evolve: (state, event) => {
    const roles = new Set(state.roles);
    if (event.data.enabled) roles.add(event.data.roleId);
    else roles.delete(event.data.roleId);
    return { roles };
  },
};
