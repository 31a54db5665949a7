import { Controller, Delete, HttpCode, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@gatehouse/event-store';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { userDecider, userStreamId } from '@gatehouse/users-domain';
import type { FastifyRequest } from 'fastify';
import { commandContext } from '@gatehouse/identity';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/sessions')
export class LogoutHttpController {
  constructor(private readonly store: EventStore) {}

  /** Permission: the session's own user. Ends the session at once; the token is refused from then on. */
  @Delete('current')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest): Promise<void> {
    await handleCommand(
      this.store,
      userStreamId(principal.userId),
      userDecider,
      { type: 'EndSession', sessionId: principal.sessionId, reason: 'logout' },
      commandContext(request, principal.accountId, principal.userId),
    );
  }
}
