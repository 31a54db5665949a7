import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ToggleRoleDto } from './toggle-role.dto';
import { rolesTag } from '../role-commands';
import { ToggleRoleHandler } from './toggle-role.handler';

@ApiTags('roles')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/roles')
export class ToggleRoleHttpController {
  constructor(private readonly handler: ToggleRoleHandler) {}

  /**
   * Permission: roles:manage (the Account admin role). In force for the user's very next request: every
   * request is judged on the user's roles as they are then.
   */
  @Put(':roleId')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'The role is in the asked state; ETag counts the changes of the roles of the user.',
  })
  async toggle(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('roleId') roleId: string,
    @Body() body: ToggleRoleDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    assertPermission(principal, accountId, 'roles:manage');
    const input = { accountId, userId, roleId, enabled: body.enabled };
    const { version } = await this.handler.handle(
      input,
      commandContext(request, accountId, principal.userId),
    );
    response.header('ETag', rolesTag(version));
  }
}
