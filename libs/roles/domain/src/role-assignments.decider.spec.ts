import type { RoleToggled } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { roleAssignmentsDecider } from './role-assignments.decider';

const spec = deciderSpec(roleAssignmentsDecider);
const known = new Set(['account-admin', 'user-manager', 'developer', 'analyst', 'custom-1']);
const toggled = (roleId: string, enabled = true): RoleToggled => ({
  type: 'RoleToggled',
  data: { userId: 'u2', roleId, enabled },
});
const toggle = (roleId: string, enabled: boolean) =>
  ({ type: 'ToggleRole', userId: 'u2', roleId, enabled, known }) as const;
const grant = (...roleIds: string[]) => ({ type: 'GrantRoles', userId: 'u2', roleIds, known }) as const;

describe("a user's role assignments", () => {
  describe('when the user is created with roles', () => {
    it('grants each role once, skipping repeats', () => {
      spec
        .given([])
        .when(grant('analyst', 'developer', 'developer'))
        .then([toggled('analyst'), toggled('developer')]);
    });
    it("grants the account's custom roles", () => {
      spec
        .given([])
        .when(grant('custom-1'))
        .then([toggled('custom-1')]);
    });
    it("refuses a role not in the account's catalog, granting none", () => {
      spec.given([]).when(grant('developer', 'custom-elsewhere')).thenThrows('UNKNOWN_ROLE');
    });
  });

  describe('when a role is toggled', () => {
    it('turns it on', () => {
      spec
        .given([])
        .when(toggle('developer', true))
        .then([toggled('developer')]);
    });
    it('turns it off', () => {
      spec
        .given([toggled('developer')])
        .when(toggle('developer', false))
        .then([toggled('developer', false)]);
    });
    it('lets the user hold several roles', () => {
      spec
        .given([toggled('developer')])
        .when(toggle('custom-1', true))
        .then([toggled('custom-1')]);
    });
    it('records nothing when the role is already in the asked state', () => {
      spec
        .given([toggled('developer')])
        .when(toggle('developer', true))
        .then([]);
      spec.given([]).when(toggle('developer', false)).then([]);
    });
    it('refuses a role that is not in the catalog', () => {
      spec.given([]).when(toggle('custom-9', true)).thenThrows('ROLE_NOT_FOUND');
    });
  });
});
