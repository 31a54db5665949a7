import { Body, Controller, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessCommands, accessTag } from '../access-commands';
import { type AccessControlsView, accessControlsView } from '../get-access-controls/access-controls.view';
import { SetIpSafelistDto } from './set-ip-safelist.dto';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/ip-safelist')
export class SetIpSafelistHttpController {
  constructor(private readonly access: AccessCommands) {}

  /**
   * Permission: access:manage (the Account admin role). Saving your own non-empty list that leaves out the
   * address you call from is refused (422 IP_SAFELIST_SELF_LOCKOUT); another user's list is not held to it.
   */
  @Put()
  async set(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: SetIpSafelistDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AccessControlsView> {
    assertPermission(principal, accountId, 'access:manage');
    const command = {
      type: 'SetIpSafelist' as const,
      userId,
      actorId: principal.userId,
      clientIp: request.ip ?? '',
      entries: body.entries,
    };
    const { state, version } = await this.access.run(
      userId,
      command,
      commandContext(request, accountId, principal.userId),
    );
    response.header('ETag', accessTag(version));
    return accessControlsView(state);
  }
}
