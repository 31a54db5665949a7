import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { InviteCommands } from '../invite-commands';

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites/:inviteId/resend')
export class ResendInviteHttpController {
  constructor(private readonly invites: InviteCommands) {}

  /** Permission: users:manage and roles:manage. A new link with a new deadline; the previous link dies. */
  @Post()
  @HttpCode(204)
  async resend(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('inviteId', ParseUUIDPipe) inviteId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertPermission(principal, accountId, 'users:manage');
    assertPermission(principal, accountId, 'roles:manage');
    await this.invites.resend(accountId, inviteId, commandContext(request, accountId, principal.userId));
  }
}
