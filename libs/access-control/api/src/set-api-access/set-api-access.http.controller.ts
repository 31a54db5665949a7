import { Body, Controller, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AccessCommands, accessTag } from '../access-commands';
import { type AccessControlsView, accessControlsView } from '../get-access-controls/access-controls.view';
import { SetApiAccessDto } from './set-api-access.dto';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/api-access')
export class SetApiAccessHttpController {
  constructor(private readonly access: AccessCommands) {}

  /** Permission: access:manage. Basic authentication per protocol; a protocol not named keeps its setting. */
  @Put()
  async set(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: SetApiAccessDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<AccessControlsView> {
    assertPermission(principal, accountId, 'access:manage');
    const protocols = { http: body.http, smpp: body.smpp };
    const named = Object.entries(protocols).filter(([, allowed]) => allowed !== undefined);
    const { state, version } = await this.access.run(
      userId,
      { type: 'SetApiAccess', userId, protocols: Object.fromEntries(named) },
      commandContext(request, accountId, principal.userId),
    );
    response.header('ETag', accessTag(version));
    return accessControlsView(state);
  }
}
