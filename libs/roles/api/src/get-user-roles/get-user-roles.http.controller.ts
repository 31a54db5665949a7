import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Permission } from '@gatehouse/contracts';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { Grants } from '@gatehouse/identity';
import { catalogOf, permissionsOf } from '@gatehouse/identity-domain';
import { canonicalPermissions, RoleErrors } from '@gatehouse/roles-domain';
import type { FastifyReply } from 'fastify';
import { rolesTag } from '../role-commands';
import { type RoleView, roleView } from '../list-roles/role.view';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/roles')
export class GetUserRolesHttpController {
  constructor(private readonly roles: Grants) {}

  /** Permission: the user themselves, or users:read. ETag = how many changes the user's roles have had. */
  @Get()
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ roles: RoleView[]; permissions: Permission[] }> {
    assertSelfOrPermission(principal, accountId, userId, 'users:read');
    const user = await this.roles.user(userId);
    if (!user.exists || user.accountId !== accountId) throw RoleErrors.userNotFound();
    const [{ roles: held, version }, { state: catalog }] = await Promise.all([
      this.roles.rolesOf(userId),
      this.roles.catalog(accountId),
    ]);
    response.header('ETag', rolesTag(version));
    return {
      roles: catalogOf(catalog)
        .filter((role) => held.has(role.id))
        .map(roleView),
      permissions: canonicalPermissions([...permissionsOf(catalog, held)]),
    };
  }
}
