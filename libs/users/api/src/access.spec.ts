import { NotFoundException } from '@nestjs/common';
import type { Permission } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import type { Principal } from '@gatehouse/http';
import { assertManagesUser, assertPermission, assertSelfOrPermission } from './access';

const principal = (roles: string[], permissions: Permission[]): Principal => ({
  userId: 'me',
  accountId: 'acme',
  sessionId: 's1',
  roles: new Set(roles),
  permissions: new Set(permissions),
});
const admin = principal(
  ['account-admin'],
  ['users:read', 'users:manage', 'roles:manage', 'access:manage', 'audit:read'],
);
const manager = principal(['user-manager'], ['users:read', 'users:manage']);
const developer = principal(['developer'], []);

const refusal = (check: () => void): string | undefined => {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof NotFoundException) return '404';
    if (error instanceof DomainError) return error.code;
    throw error;
  }
};

describe('access to an account', () => {
  describe('when the caller belongs to another account', () => {
    it('answers 404 before judging any permission', () => {
      expect(refusal(() => assertPermission(developer, 'globex', 'users:read'))).toBe('404');
      expect(refusal(() => assertSelfOrPermission(developer, 'globex', 'me', 'users:read'))).toBe('404');
      expect(refusal(() => assertManagesUser(admin, 'globex', 'u2', new Set()))).toBe('404');
    });
  });

  describe('when a permission is required', () => {
    it('lets a holder through and refuses anyone else naming the rule', () => {
      expect(refusal(() => assertPermission(manager, 'acme', 'users:read'))).toBeUndefined();
      expect(refusal(() => assertPermission(manager, 'acme', 'roles:manage'))).toBe('PERMISSION_REQUIRED');
    });
    it('lets users act on themselves without it', () => {
      expect(refusal(() => assertSelfOrPermission(developer, 'acme', 'me', 'users:read'))).toBeUndefined();
      expect(refusal(() => assertSelfOrPermission(developer, 'acme', 'u2', 'users:read'))).toBe(
        'PERMISSION_REQUIRED',
      );
    });
  });

  describe('when managing another user', () => {
    it('lets users:manage act on users who are not Account admins', () => {
      expect(refusal(() => assertManagesUser(manager, 'acme', 'u2', new Set(['support'])))).toBeUndefined();
      expect(refusal(() => assertManagesUser(developer, 'acme', 'u2', new Set()))).toBe(
        'PERMISSION_REQUIRED',
      );
    });
    it('keeps Account admins to other Account admins', () => {
      const target = new Set(['account-admin']);
      expect(refusal(() => assertManagesUser(manager, 'acme', 'u2', target))).toBe(
        'ADMIN_TARGET_REQUIRES_ADMIN',
      );
      expect(refusal(() => assertManagesUser(admin, 'acme', 'u2', target))).toBeUndefined();
    });
    it('lets users act on themselves only where the endpoint allows it', () => {
      expect(
        refusal(() => assertManagesUser(developer, 'acme', 'me', new Set(), { orSelf: true })),
      ).toBeUndefined();
      expect(refusal(() => assertManagesUser(developer, 'acme', 'me', new Set()))).toBe(
        'PERMISSION_REQUIRED',
      );
    });
  });
});
