import { type Permission, type RoleDefined, type RoleToggled, Permissions } from '@gatehouse/contracts';
import { fold } from '@gatehouse/domain-kit';
import { deciderSpec } from '@gatehouse/testing';
import { builtInRoles } from './roles.catalog';
import { catalogOf, permissionsOf, rolesDecider } from './roles.decider';

const spec = deciderSpec(rolesDecider);
const toggled = (userId: string, roleId: string, enabled = true): RoleToggled => ({
  type: 'RoleToggled',
  data: { userId, roleId, enabled },
});
const defined = (roleId: string, name: string, permissions: Permission[]): RoleDefined => ({
  type: 'RoleDefined',
  data: { roleId, name, permissions },
});
const define = (name: string, permissions: Permission[], actorId = 'admin', roleId = 'custom-2') =>
  ({ type: 'DefineRole', actorId, roleId, name, permissions }) as const;
const admin = toggled('admin', 'account-admin');
const billing = defined('custom-1', 'Billing', ['users:read']);

describe('the role catalog of an account', () => {
  describe('when an Account admin defines a custom role', () => {
    it('records it with its name trimmed and its permissions each once, in canonical order', () => {
      spec
        .given([admin])
        .when(define('  Helpdesk ', ['users:manage', 'users:read', 'users:manage']))
        .then([defined('custom-2', 'Helpdesk', ['users:read', 'users:manage'])]);
    });
    it('allows a role without permissions', () => {
      spec
        .given([admin])
        .when(define('Auditor', []))
        .then([defined('custom-2', 'Auditor', [])]);
    });
    it('refuses a name another role has, ignoring case and spacing', () => {
      spec.given([admin, billing]).when(define(' billing ', [])).thenThrows('ROLE_NAME_TAKEN');
      spec.given([admin]).when(define('ACCOUNT   admin', [])).thenThrows('ROLE_NAME_TAKEN');
    });
    it('refuses an empty or overlong name', () => {
      spec.given([admin]).when(define('   ', [])).thenThrows('ROLE_NAME_INVALID');
      spec
        .given([admin])
        .when(define('x'.repeat(61), []))
        .thenThrows('ROLE_NAME_INVALID');
      spec
        .given([admin])
        .when(define('x'.repeat(60), []))
        .then([defined('custom-2', 'x'.repeat(60), [])]);
    });
    it('refuses the permissions only the Account admin role carries', () => {
      spec
        .given([admin])
        .when(define('Deputy', ['users:read', 'roles:manage']))
        .thenThrows('PERMISSION_NOT_DELEGABLE');
      spec
        .given([admin])
        .when(define('Gatekeeper', ['access:manage']))
        .thenThrows('PERMISSION_NOT_DELEGABLE');
    });
    it('refuses an id already in the catalog', () => {
      spec
        .given([admin, billing])
        .when(define('Other', [], 'admin', 'custom-1'))
        .thenThrows('ROLE_ALREADY_EXISTS');
      spec
        .given([admin])
        .when(define('Other', [], 'admin', 'support'))
        .thenThrows('ROLE_ALREADY_EXISTS');
    });
  });

  describe('when someone other than an Account admin defines a role', () => {
    it('refuses it', () => {
      spec
        .given([admin, toggled('u2', 'user-manager')])
        .when(define('Helpdesk', ['users:read'], 'u2'))
        .thenThrows('ACCOUNT_ADMIN_REQUIRED');
    });
  });

  describe('when resolving what a user may do', () => {
    const fromEvents = (events: (RoleToggled | RoleDefined)[]) =>
      fold(rolesDecider.evolve, rolesDecider.initialState(), events);

    it('gives an Account admin every permission', () => {
      expect([...permissionsOf(fromEvents([admin]), 'admin')].sort()).toEqual([...Permissions].sort());
    });
    it('unites the permissions of every role held, custom ones included', () => {
      const state = fromEvents([billing, toggled('u2', 'developer'), toggled('u2', 'custom-1')]);
      expect([...permissionsOf(state, 'u2')]).toEqual(['users:read']);
    });
    it('drops a permission once its role is toggled off', () => {
      const state = fromEvents([toggled('u2', 'user-manager'), toggled('u2', 'user-manager', false)]);
      expect(permissionsOf(state, 'u2').size).toBe(0);
    });
    it('lists built-in roles first, then custom roles in the order defined', () => {
      const state = fromEvents([billing, defined('custom-0', 'Auditor', [])]);
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
