import { GuardedBy } from '@gatehouse/http';
import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { commandContext, InternalCallGuard } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { CreateInvitedUserDto } from './create-invited-user.dto';
import { CreateInvitedUserHandler } from './create-invited-user.handler';

/** Called by the invites service only (a service credential; the gateway never routes `/internal/`). */
@ApiExcludeController()
@GuardedBy(InternalCallGuard)
@Controller('internal/v1/accounts/:accountId/invited-users')
export class CreateInvitedUserInternalController {
  constructor(private readonly handler: CreateInvitedUserHandler) {}

  @Post()
  async create(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: CreateInvitedUserDto,
    @Req() request: FastifyRequest,
  ): Promise<{ userId: string }> {
    const { accessControls = null, ...rest } = body;
    // The invitee acts: the user is theirs from the first event.
    return this.handler.handle(
      { ...rest, accessControls },
      commandContext(request, accountId, body.inviteId),
    );
  }
}
