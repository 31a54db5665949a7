import type { RoleDefined, RoleToggled } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { deciderSpec } from '@gatehouse/testing';
import { isAccountAdmin, rolesDecider } from './roles.decider';

const spec = deciderSpec(rolesDecider);
const toggled = (userId: string, roleId: string, enabled = true): RoleToggled => ({
  type: 'RoleToggled',
  data: { userId, roleId, enabled },
});
const toggle = (actorId: string, userId: string, roleId: string, enabled: boolean) =>
  ({ type: 'ToggleRole', actorId, userId, roleId, enabled }) as const;
const billing: RoleDefined = {
  type: 'RoleDefined',
  data: { roleId: 'custom-1', name: 'Billing', permissions: ['users:read'] },
};
const admin = toggled('admin', 'account-admin');

describe('role assignments of an account', () => {
  describe('when a user is created with roles', () => {
    it('grants each role once, skipping roles already held and repeats', () => {
      spec
        .given([toggled('u2', 'analyst')])
        .when({ type: 'GrantRoles', userId: 'u2', roleIds: ['analyst', 'developer', 'developer'] })
        .then([toggled('u2', 'developer')]);
    });
    it("grants the account's custom roles", () => {
      spec
        .given([billing])
        .when({ type: 'GrantRoles', userId: 'u2', roleIds: ['custom-1'] })
        .then([toggled('u2', 'custom-1')]);
    });
    it("refuses a role that is not in the account's catalog, granting none", () => {
      spec
        .given([])
        .when({ type: 'GrantRoles', userId: 'u2', roleIds: ['developer', 'custom-elsewhere'] })
        .thenThrows('UNKNOWN_ROLE');
    });
    it('grants the first Account admin of a new account', () => {
      spec
        .given([])
        .when({ type: 'GrantRoles', userId: 'u1', roleIds: ['account-admin'] })
        .then([toggled('u1', 'account-admin')]);
    });
  });

  describe('when an Account admin toggles', () => {
    it('turns a role on', () => {
      spec
        .given([admin])
        .when(toggle('admin', 'u2', 'developer', true))
        .then([toggled('u2', 'developer')]);
    });
    it('turns a role off', () => {
      spec
        .given([admin, toggled('u2', 'developer')])
        .when(toggle('admin', 'u2', 'developer', false))
        .then([toggled('u2', 'developer', false)]);
    });
    it('lets a user hold several roles', () => {
      spec
        .given([admin, billing, toggled('u2', 'developer')])
        .when(toggle('admin', 'u2', 'custom-1', true))
        .then([toggled('u2', 'custom-1')]);
    });
    it('records nothing when the role is already in the asked state', () => {
      spec
        .given([admin, toggled('u2', 'developer')])
        .when(toggle('admin', 'u2', 'developer', true))
        .then([]);
    });
    it('refuses a role that is not in the catalog', () => {
      spec
        .given([admin])
        .when(toggle('admin', 'u2', 'custom-9', true))
        .thenThrows('ROLE_NOT_FOUND');
    });
  });

  describe('when someone other than an Account admin toggles', () => {
    it('refuses a user without the role', () => {
      spec
        .given([admin, toggled('u2', 'user-manager')])
        .when(toggle('u2', 'u3', 'developer', true))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
    it('refuses a former admin, judged on the same version as the toggle', () => {
      spec
        .given([admin, toggled('u2', 'account-admin'), toggled('u2', 'account-admin', false)])
        .when(toggle('u2', 'u2', 'account-admin', true))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
    it('refuses before revealing whether the role exists', () => {
      spec
        .given([admin])
        .when(toggle('u2', 'u3', 'custom-9', true))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
  });

  describe('when the account has one Account admin', () => {
    it('refuses the last admin removing their own role as the last admin', () => {
      spec
        .given([admin, toggled('u3', 'account-admin'), toggled('u3', 'account-admin', false)])
        .when(toggle('admin', 'admin', 'account-admin', false))
        .thenThrows('LAST_ACCOUNT_ADMIN');
    });
    it('grants the role to a second user', () => {
      spec
        .given([admin])
        .when(toggle('admin', 'u2', 'account-admin', true))
        .then([toggled('u2', 'account-admin')]);
    });
  });

  describe('when the account has two Account admins', () => {
    const twoAdmins = [admin, toggled('u2', 'account-admin')];
    it('lets one admin remove the other', () => {
      spec
        .given(twoAdmins)
        .when(toggle('admin', 'u2', 'account-admin', false))
        .then([toggled('u2', 'account-admin', false)]);
    });
    it('refuses removing your own admin role', () => {
      spec
        .given(twoAdmins)
        .when(toggle('u2', 'u2', 'account-admin', false))
        .thenThrows('OWN_ACCOUNT_ADMIN');
    });
    it('refuses the remaining admin removing themselves once the other is gone', () => {
      spec
        .given([...twoAdmins, toggled('u2', 'account-admin', false)])
        .when(toggle('admin', 'admin', 'account-admin', false))
        .thenThrows('LAST_ACCOUNT_ADMIN');
    });
    it('knows who is an admin', () => {
      const state = fold(rolesDecider.evolve, rolesDecider.initialState(), [
        ...twoAdmins,
        toggled('u2', 'account-admin', false),
      ]);
      expect(isAccountAdmin(state, 'admin')).toBe(true);
      expect(isAccountAdmin(state, 'u2')).toBe(false);
    });
  });
});
