import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { assertManagesUser } from '../access';
import { UserCommands } from '../user-commands';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/sessions/:sessionId')
export class EndSessionHttpController {
  constructor(private readonly users: UserCommands) {}

  /**
   * Permission: the user themselves, or users:manage (over an Account admin, only another Account admin).
   * The session ends at once: its token is refused from the next request on, in every service.
   */
  @Delete()
  @HttpCode(204)
  async end(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId), { orSelf: true });
    const command = { type: 'EndSession', accountId, sessionId, reason: 'ended' } as const;
    await this.users.run(userId, command, commandContext(request, accountId, principal.userId));
  }
}
