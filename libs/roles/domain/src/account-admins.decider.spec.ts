import type { AccountAdminAdded, AccountAdminRemoved } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { accountAdminsDecider, adminChange } from './account-admins.decider';

const spec = deciderSpec(accountAdminsDecider);
const added = (userId: string): AccountAdminAdded => ({ type: 'AccountAdminAdded', data: { userId } });
const removed = (userId: string): AccountAdminRemoved => ({ type: 'AccountAdminRemoved', data: { userId } });
const authorize = (actorId: string, roleId = 'developer', userId = 'u3', enabled = true) =>
  ({ type: 'AuthorizeRoleChange', actorId, admin: adminChange(roleId, userId, enabled) }) as const;
const adminToggle = (actorId: string, userId: string, enabled: boolean) =>
  authorize(actorId, 'account-admin', userId, enabled);

describe("an account's Account admins", () => {
  describe('when users are created as Account admins', () => {
    it('adds each once', () => {
      spec
        .given([added('admin')])
        .when({ type: 'AddAdmins', userIds: ['admin', 'u2'] })
        .then([added('u2')]);
    });
  });

  describe('when an Account admin changes a role', () => {
    it('allows it and records nothing for roles other than Account admin', () => {
      spec
        .given([added('admin')])
        .when(authorize('admin'))
        .then([]);
    });
    it('adds a user given the Account admin role', () => {
      spec
        .given([added('admin')])
        .when(adminToggle('admin', 'u2', true))
        .then([added('u2')]);
    });
    it('records nothing when the admin set already is as asked', () => {
      spec
        .given([added('admin'), added('u2')])
        .when(adminToggle('admin', 'u2', true))
        .then([]);
      spec
        .given([added('admin')])
        .when(adminToggle('admin', 'u3', false))
        .then([]);
    });
  });

  describe('when someone other than an Account admin changes a role', () => {
    it('refuses a user who never was one', () => {
      spec
        .given([added('admin')])
        .when(authorize('u2'))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
    it('refuses a former admin', () => {
      spec
        .given([added('admin'), added('u2'), removed('u2')])
        .when(adminToggle('u2', 'u2', true))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
  });

  describe('when the account has one Account admin', () => {
    it('refuses the last admin removing their own role as the last admin', () => {
      spec
        .given([added('admin'), added('u3'), removed('u3')])
        .when(adminToggle('admin', 'admin', false))
        .thenThrows('LAST_ACCOUNT_ADMIN');
    });
  });

  describe('when the account has two Account admins', () => {
    const twoAdmins = [added('admin'), added('u2')];
    it('lets one admin remove the other', () => {
      spec
        .given(twoAdmins)
        .when(adminToggle('admin', 'u2', false))
        .then([removed('u2')]);
    });
    it('refuses removing your own admin role', () => {
      spec
        .given(twoAdmins)
        .when(adminToggle('u2', 'u2', false))
        .thenThrows('OWN_ACCOUNT_ADMIN');
    });
    it('refuses the remaining admin removing themselves once the other is gone', () => {
      spec
        .given([...twoAdmins, removed('u2')])
        .when(adminToggle('admin', 'admin', false))
        .thenThrows('LAST_ACCOUNT_ADMIN');
    });
  });
});
