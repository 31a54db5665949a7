import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { assertAccountAdmin } from '../access';
import { ResetLinksHandler } from '../password-reset/reset-links.handler';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class SendPasswordResetHttpController {
  constructor(private readonly links: ResetLinksHandler) {}

  /**
   * Permission: the Account admin role, as for unlocking, the other way an admin puts a password link in a
   * user's mailbox. "Change the password" on another user's profile: emails the user a single-use link to
   * choose a new password (the admin never learns it), replacing any link sent before. The email goes once
   * the event is stored (UserEmailsReaction); 409 for a disabled or locked user.
   */
  @Post(':userId/password-reset')
  @HttpCode(202)
  async send(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertAccountAdmin(principal, accountId);
    await this.links.sendReset(userId, commandContext(request, accountId, principal.userId));
  }
}
