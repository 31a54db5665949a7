import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyReply } from 'fastify';
import { AccessCommands, accessTag } from '../access-commands';
import { type AccessControlsView, accessControlsView } from './access-controls.view';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls')
export class GetAccessControlsHttpController {
  constructor(private readonly access: AccessCommands) {}

  /** Permission: the user themselves (view only), or access:manage. The IP safelist and API access. */
  @Get()
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AccessControlsView> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const { state, version } = await this.access.read(accountId, userId);
    response.header('ETag', accessTag(version));
    return accessControlsView(state);
  }
}
