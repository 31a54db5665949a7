import { type Permission, type RoleDefined, Permissions } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { deciderSpec } from '@gatehouse/testing';
import { builtInRoles } from './roles.catalog';
import { catalogOf, permissionsOf, roleCatalogDecider } from './role-catalog.decider';

const spec = deciderSpec(roleCatalogDecider);
const defined = (roleId: string, name: string, permissions: Permission[]): RoleDefined => ({
  type: 'RoleDefined',
  data: { roleId, name, permissions },
});
const define = (name: string, permissions: Permission[], roleId = 'custom-2') =>
  ({ type: 'DefineRole', roleId, name, permissions }) as const;
const billing = defined('custom-1', 'Billing', ['users:read']);
const catalogWith = (events: RoleDefined[]) =>
  fold(roleCatalogDecider.evolve, roleCatalogDecider.initialState(), events);

describe('the role catalog of an account', () => {
  describe('when a custom role is defined', () => {
    it('records it with its name trimmed and its permissions each once, in canonical order', () => {
      spec
        .given([])
        .when(define('  Helpdesk ', ['users:manage', 'users:read', 'users:manage']))
        .then([defined('custom-2', 'Helpdesk', ['users:read', 'users:manage'])]);
    });
    it('allows a role without permissions', () => {
      spec
        .given([])
        .when(define('Auditor', []))
        .then([defined('custom-2', 'Auditor', [])]);
    });
    it('refuses a name another role has, ignoring case and spacing', () => {
      spec.given([billing]).when(define(' billing ', [])).thenThrows('ROLE_NAME_TAKEN');
      spec.given([]).when(define('ACCOUNT   admin', [])).thenThrows('ROLE_NAME_TAKEN');
    });
    it('refuses an empty or overlong name', () => {
      spec.given([]).when(define('   ', [])).thenThrows('ROLE_NAME_INVALID');
      spec
        .given([])
        .when(define('x'.repeat(61), []))
        .thenThrows('ROLE_NAME_INVALID');
      spec
        .given([])
        .when(define('x'.repeat(60), []))
        .then([defined('custom-2', 'x'.repeat(60), [])]);
    });
    it('refuses the permissions only the Account admin role carries', () => {
      spec
        .given([])
        .when(define('Deputy', ['users:read', 'roles:manage']))
        .thenThrows('PERMISSION_NOT_DELEGABLE');
      spec
        .given([])
        .when(define('Gatekeeper', ['access:manage']))
        .thenThrows('PERMISSION_NOT_DELEGABLE');
    });
    it('refuses an id already in the catalog', () => {
      spec
        .given([billing])
        .when(define('Other', [], 'custom-1'))
        .thenThrows('ROLE_ALREADY_EXISTS');
      spec
        .given([])
        .when(define('Other', [], 'support'))
        .thenThrows('ROLE_ALREADY_EXISTS');
    });
  });

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
