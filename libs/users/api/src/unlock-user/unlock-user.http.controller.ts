import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { assertAccountAdmin } from '../access';
import { commandContext } from '@gatehouse/identity';
import { ResetLinksHandler } from '../password-reset/reset-links.handler';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class UnlockUserHttpController {
  constructor(private readonly links: ResetLinksHandler) {}

  /** Permission: the Account admin role (the product lets only an Account admin unlock). Emails a reset link. */
  @Post(':userId/unlock')
  @HttpCode(204)
  async unlock(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertAccountAdmin(principal, accountId);
    await this.links.unlock(userId, commandContext(request, accountId, principal.userId));
  }
}
