import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { BuiltInRoles } from '@gatehouse/contracts';
import type { Principal } from '@gatehouse/http';

/** Another account's resources do not exist for the caller: 404, so nothing leaks across accounts. */
export function assertSameAccount(principal: Principal, accountId: string): void {
  if (principal.accountId !== accountId) throw new NotFoundException('no such account');
}

export function assertAccountAdmin(principal: Principal, accountId: string): void {
  assertSameAccount(principal, accountId);
  if (!principal.roles.has(BuiltInRoles.accountAdmin)) {
    throw new ForbiddenException('only an Account admin of this account may do this');
  }
}

/** An Account admin manages every user of the account; anyone else only themselves. */
export function assertSelfOrAdmin(principal: Principal, accountId: string, userId: string): void {
  assertSameAccount(principal, accountId);
  if (principal.userId !== userId && !principal.roles.has(BuiltInRoles.accountAdmin)) {
    throw new ForbiddenException('only an Account admin may manage other users');
  }
}
