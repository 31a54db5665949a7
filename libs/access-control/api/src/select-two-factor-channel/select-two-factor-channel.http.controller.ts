import { Body, Controller, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessCommands, accessTag } from '../access-commands';
import { type AccessControlsView, accessControlsView } from '../get-access-controls/access-controls.view';
import { SelectTwoFactorChannelDto } from './select-two-factor-channel.dto';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/two-factor')
export class SelectTwoFactorChannelHttpController {
  constructor(private readonly access: AccessCommands) {}

  /**
   * Permission: the user themselves, or access:manage. The preferred channel for 2FA PINs; SMS and voice
   * only for a user with a mobile number (422 TWO_FACTOR_NEEDS_MOBILE).
   */
  @Put()
  async select(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: SelectTwoFactorChannelDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AccessControlsView> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const { state, version } = await this.access.run(
      userId,
      ({ hasMobile }) => ({
        type: 'SelectTwoFactorChannel',
        userId,
        actorId: principal.userId,
        channel: body.channel,
        hasMobile,
      }),
      commandContext(request, accountId, principal.userId),
    );
    response.header('ETag', accessTag(version));
    return accessControlsView(state);
  }
}
