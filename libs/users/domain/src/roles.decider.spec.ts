import type { RoleToggled } from '@gatehouse/contracts';
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

describe('roles of an account', () => {
  describe('when a user is created with roles', () => {
    it('grants each role once, skipping roles already held and repeats', () => {
      spec
        .given([toggled('u2', 'analyst')])
        .when({ type: 'GrantRoles', userId: 'u2', roleIds: ['analyst', 'developer', 'developer'] })
        .then([toggled('u2', 'developer')]);
    });
  });

  describe('when toggling', () => {
    it('turns a role on', () => {
      spec
        .given([])
        .when(toggle('u1', 'u2', 'developer', true))
        .then([toggled('u2', 'developer')]);
    });
    it('turns a role off', () => {
      spec
        .given([toggled('u2', 'developer')])
        .when(toggle('u1', 'u2', 'developer', false))
        .then([toggled('u2', 'developer', false)]);
    });
    it('records nothing when the role is already in the asked state', () => {
      spec
        .given([toggled('u2', 'developer')])
        .when(toggle('u1', 'u2', 'developer', true))
        .then([]);
    });
  });

  describe('when the account has one Account admin', () => {
    const oneAdmin = [toggled('u1', 'account-admin')];
    it('refuses to remove the role from the last admin', () => {
      spec
        .given([...oneAdmin, toggled('u3', 'account-admin'), toggled('u3', 'account-admin', false)])
        .when(toggle('u9', 'u1', 'account-admin', false))
        .thenThrows('LAST_ACCOUNT_ADMIN');
    });
    it('refuses an admin removing their own admin role', () => {
      spec
        .given(oneAdmin)
        .when(toggle('u1', 'u1', 'account-admin', false))
        .thenThrows('OWN_ACCOUNT_ADMIN');
    });
  });

  describe('when the account has two Account admins', () => {
    const twoAdmins = [toggled('u1', 'account-admin'), toggled('u2', 'account-admin')];
    it('lets one admin remove the other', () => {
      spec
        .given(twoAdmins)
        .when(toggle('u1', 'u2', 'account-admin', false))
        .then([toggled('u2', 'account-admin', false)]);
    });
    it('still refuses removing your own admin role', () => {
      spec
        .given(twoAdmins)
        .when(toggle('u2', 'u2', 'account-admin', false))
        .thenThrows('OWN_ACCOUNT_ADMIN');
    });
    it('knows who is an admin', () => {
      const state = fold(rolesDecider.evolve, rolesDecider.initialState(), [
        ...twoAdmins,
        toggled('u2', 'account-admin', false),
      ]);
      expect(isAccountAdmin(state, 'u1')).toBe(true);
      expect(isAccountAdmin(state, 'u2')).toBe(false);
    });
  });
});
