import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { InviteCommands } from '../invite-commands';

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites/:inviteId/revocation')
export class RevokeInviteHttpController {
  constructor(private readonly invites: InviteCommands) {}

  /** Permission: users:manage and roles:manage. Its link dies; revoking again changes nothing. */
  @Post()
  @HttpCode(204)
  async revoke(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('inviteId', ParseUUIDPipe) inviteId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertPermission(principal, accountId, 'users:manage');
    assertPermission(principal, accountId, 'roles:manage');
    await this.invites.revoke(accountId, inviteId, commandContext(request, accountId, principal.userId));
  }
}
