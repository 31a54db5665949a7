import { Controller, Get, Param, ParseUUIDPipe, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Permission } from '@gatehouse/contracts';
import { StateCache } from '@gatehouse/event-store';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import {
  canonicalPermissions,
  catalogOf,
  permissionsOf,
  rolesDecider,
  rolesOf,
  rolesStreamId,
  UserErrors,
  userDecider,
  userStreamId,
} from '@gatehouse/users-domain';
import type { Response } from 'express';
import { assertSelfOrPermission } from '../access';
import { type RoleView, roleView } from '../list-roles/role.view';

@ApiTags('roles')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users/:userId/roles')
export class GetUserRolesHttpController {
  constructor(private readonly states: StateCache) {}

  /** Permission: the user themselves, or users:read. ETag = the roles stream's version. */
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
    const { state, version } = await this.states.load(rolesStreamId(accountId), rolesDecider);
    const held = rolesOf(state, userId);
    response.setHeader('ETag', `"${version}"`);
    return {
      roles: catalogOf(state)
        .filter((role) => held.has(role.id))
        .map(roleView),
      permissions: canonicalPermissions([...permissionsOf(state, userId)]),
    };
  }
}
