import { Controller, Get, Param, ParseUUIDPipe, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Permission } from '@gatehouse/contracts';
import { StateCache } from '@gatehouse/event-store';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import {
  canonicalPermissions,
  catalogOf,
  permissionsOf,
  UserErrors,
  userDecider,
  userStreamId,
} from '@gatehouse/users-domain';
import type { Response } from 'express';
import { assertSelfOrPermission } from '../access';
import { AccountRoles, rolesTag } from '../roles/account-roles';
import { type RoleView, roleView } from '../list-roles/role.view';

@ApiTags('roles')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users/:userId/roles')
export class GetUserRolesHttpController {
  constructor(
    private readonly states: StateCache,
    private readonly roles: AccountRoles,
  ) {}

  /** Permission: the user themselves, or users:read. ETag = how many changes the user's roles have had. */
  @Get()
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ roles: RoleView[]; permissions: Permission[] }> {
    assertSelfOrPermission(principal, accountId, userId, 'users:read');
    const { state: user } = await this.states.load(userStreamId(userId), userDecider);
    if (user.status === 'none' || user.accountId !== accountId) throw UserErrors.notFound();
    const [{ roles: held, version }, { state: catalog }] = await Promise.all([
      this.roles.rolesOf(userId),
      this.roles.catalog(accountId),
    ]);
    response.setHeader('ETag', rolesTag(version));
    return {
      roles: catalogOf(catalog)
        .filter((role) => held.has(role.id))
        .map(roleView),
      permissions: canonicalPermissions([...permissionsOf(catalog, held)]),
    };
  }
}
