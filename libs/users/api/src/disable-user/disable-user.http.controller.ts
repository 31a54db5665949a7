import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { assertManagesUser } from '../access';
import { commandContext } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class DisableUserHttpController {
  constructor(private readonly users: UserCommands) {}

  /**
   * Permission: users:manage (over an Account admin, only another Account admin); never oneself. The
   * user's sessions end at once; they stay listed as disabled and receive no notifications.
   */
  @Post(':userId/disable')
  @HttpCode(204)
  async disable(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId));
    const command = { type: 'DisableUser', accountId, actorId: principal.userId } as const;
    await this.users.run(userId, command, commandContext(request, accountId, principal.userId));
  }
}
