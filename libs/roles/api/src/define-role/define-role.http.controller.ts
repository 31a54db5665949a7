import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { RoleCommands, rolesTag } from '../role-commands';
import { DefineRoleDto } from './define-role.dto';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/roles')
export class DefineRoleHttpController {
  constructor(private readonly roles: RoleCommands) {}

  /** Permission: roles:manage (the decider re-checks the Account admin role on the version it appends to). */
  @Post()
  @ApiCreatedResponse({
    description: 'The role is in the catalog; Location names it, ETag counts the changes of the catalog.',
  })
  async define(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: DefineRoleDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ roleId: string }> {
    assertPermission(principal, accountId, 'roles:manage');
    const roleId = `custom-${uuidv7()}`;
    const command = { type: 'DefineRole' as const, roleId, ...body };
    const version = await this.roles.define(
      accountId,
      command,
      commandContext(request, accountId, principal.userId),
    );
    response
      .header('Location', `/v1/accounts/${accountId}/roles/${roleId}`)
      .header('ETag', rolesTag(version));
    return { roleId };
  }
}
