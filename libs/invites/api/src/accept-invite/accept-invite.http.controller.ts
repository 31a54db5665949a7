import { Public } from '@gatehouse/http';
import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { requestContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { AcceptInviteDto } from './accept-invite.dto';
import { AcceptInviteHandler } from './accept-invite.handler';

@ApiTags('invites')
@Public()
@Controller('v1/invite-acceptances')
export class AcceptInviteHttpController {
  constructor(private readonly handler: AcceptInviteHandler) {}

  /** Permission: whoever holds the invite's latest link (no session). The user can log in on return. */
  @Post()
  @ApiCreatedResponse({ description: 'The invitee is a user of the account with the invite’s roles.' })
  accept(
    @Body() body: AcceptInviteDto,
    @Req() request: FastifyRequest,
  ): Promise<{ userId: string; accountId: string }> {
    return this.handler.accept(body, requestContext(request, 'anonymous'));
  }
}
