import { type Permission, type RoleDefined, Permissions } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { builtInRoles } from './role-definitions';
import { catalogOf, permissionsOf, roleCatalogView } from './role-catalog.view';

const defined = (roleId: string, name: string, permissions: Permission[]): RoleDefined => ({
  type: 'RoleDefined',
  data: { roleId, name, permissions },
});
const billing = defined('custom-1', 'Billing', ['users:read']);
const catalogWith = (events: RoleDefined[]) =>
  fold(roleCatalogView.evolve, roleCatalogView.initialState(), events);

describe('the role catalog as read for permissions', () => {
  describe('when resolving what holding roles allows', () => {
    it('gives an Account admin every permission', () => {
      expect([...permissionsOf(catalogWith([]), new Set(['account-admin']))].sort()).toEqual(
        [...Permissions].sort(),
      );
    });
    it('unites the permissions of every role held, custom ones included', () => {
      const roles = new Set(['developer', 'custom-1']);
      expect([...permissionsOf(catalogWith([billing]), roles)]).toEqual(['users:read']);
    });
    it('gives nothing for no role, or for a role not in the catalog', () => {
      expect(permissionsOf(catalogWith([]), new Set()).size).toBe(0);
      expect(permissionsOf(catalogWith([]), new Set(['custom-1'])).size).toBe(0);
    });
    it('lists built-in roles first, then custom roles in the order defined', () => {
      const state = catalogWith([billing, defined('custom-0', 'Auditor', [])]);
      expect(catalogOf(state).map((role) => role.id)).toEqual([
        ...builtInRoles.map((role) => role.id),
        'custom-1',
        'custom-0',
      ]);
    });
  });

  describe('the built-in roles', () => {
    it('keep roles:manage and access:manage to the Account admin alone', () => {
      const holders = builtInRoles.filter((role) =>
        role.permissions.some((p) => p === 'roles:manage' || p === 'access:manage'),
      );
      expect(holders.map((role) => role.id)).toEqual(['account-admin']);
    });
    it('give each role a distinct set of permissions beyond the unprivileged ones', () => {
      const sets = builtInRoles
        .filter((role) => role.permissions.length > 0)
        .map((r) => r.permissions.join());
      expect(new Set(sets).size).toBe(sets.length);
    });
  });
});
