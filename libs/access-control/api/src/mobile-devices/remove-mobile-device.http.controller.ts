import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { AccessCommands } from '../access-commands';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/mobile-devices/:deviceId')
export class RemoveMobileDeviceHttpController {
  constructor(private readonly access: AccessCommands) {}

  /** Permission: the user themselves, or access:manage (a lost phone). */
  @Delete()
  @HttpCode(204)
  async remove(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('deviceId', ParseUUIDPipe) deviceId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    await this.access.run(
      userId,
      { type: 'RemoveMobileDevice', userId, actorId: principal.userId, deviceId },
      commandContext(request, accountId, principal.userId),
    );
  }
}
