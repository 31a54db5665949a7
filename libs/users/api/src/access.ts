import { ForbiddenException } from '@nestjs/common';
import { BuiltInRoles } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { assertPermission, assertSameAccount, assertSelfOrPermission, type Principal } from '@gatehouse/http';

/**
 * Authorisation of the users context; the endpoint → permission map is docs/permissions.md. Every check
 * answers 404 for another account before 403, so nothing leaks across accounts.
 */
export { assertPermission, assertSameAccount, assertSelfOrPermission } from '@gatehouse/http';

/** Holds the Account admin role itself (not just a permission a custom role could carry). */
export function assertAccountAdmin(principal: Principal, accountId: string): void {
  assertSameAccount(principal, accountId);
  if (!principal.roles.has(BuiltInRoles.accountAdmin)) {
    throw new ForbiddenException('only an Account admin of this account may do this');
  }
}

/**
 * Acting on a user with `users:manage` (or as that user, where `orSelf`): over an Account admin only
 * another Account admin may act, or a user manager could change the admin's email, reset the password
 * and take the account over. `targetRoles` are the target's role assignments, read as the principal's are.
 */
export function assertManagesUser(
  principal: Principal,
  accountId: string,
  userId: string,
  targetRoles: ReadonlySet<string>,
  { orSelf = false }: { readonly orSelf?: boolean } = {},
): void {
  if (orSelf) assertSelfOrPermission(principal, accountId, userId, 'users:manage');
  else assertPermission(principal, accountId, 'users:manage');
  if (targetRoles.has(BuiltInRoles.accountAdmin) && !principal.roles.has(BuiltInRoles.accountAdmin)) {
    throw new DomainError(
      'ADMIN_TARGET_REQUIRES_ADMIN',
      'forbidden',
      'only an Account admin may manage an Account admin',
    );
  }
}
