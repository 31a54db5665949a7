import type { Permission, RoleDefined } from '@gatehouse/contracts';
import { deciderSpec } from '@gatehouse/testing';
import { roleCatalogDecider } from './role-catalog.decider';

const spec = deciderSpec(roleCatalogDecider);
const defined = (roleId: string, name: string, permissions: Permission[]): RoleDefined => ({
  type: 'RoleDefined',
  data: { roleId, name, permissions },
});
const billing = defined('custom-1', 'Billing', ['users:read']);
const define = (name: string, permissions: Permission[], roleId = 'custom-2') =>
  ({ type: 'DefineRole', roleId, name, permissions }) as const;

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
});
