import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSameAccount, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { Grants } from '@gatehouse/identity';
import { catalogOf, roleOf } from '@gatehouse/identity-domain';
import { RoleErrors } from '@gatehouse/roles-domain';
import type { FastifyReply } from 'fastify';
import { rolesTag } from '../role-commands';
import { type RoleView, roleView } from './role.view';

/** The account's role catalog, read from its catalog stream (authoritative, not a read model). */
@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/roles')
export class ListRolesHttpController {
  constructor(private readonly roles: Grants) {}

  /** Permission: any user of the account. ETag = how many changes the catalog has had. */
  @Get()
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ items: RoleView[] }> {
    assertSameAccount(principal, accountId);
    const { state, version } = await this.roles.catalog(accountId);
    response.header('ETag', rolesTag(version));
    return { items: catalogOf(state).map(roleView) };
  }

  /** Permission: any user of the account. */
  @Get(':roleId')
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('roleId') roleId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RoleView> {
    assertSameAccount(principal, accountId);
    const { state } = await this.roles.catalog(accountId);
    const role = roleOf(state, roleId);
    if (!role) throw RoleErrors.roleNotFound();
    return roleView(role);
  }
}
