import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { assertSameAccount } from '../access';
import { commandContext } from '@gatehouse/identity';
import { ChangePasswordDto } from './change-password.dto';
import { ChangePasswordHandler } from './change-password.handler';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class ChangePasswordHttpController {
  constructor(private readonly handler: ChangePasswordHandler) {}

  /** Permission: the user themselves only, with their current password. Every other session ends. */
  @Post(':userId/password')
  @HttpCode(204)
  async change(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: ChangePasswordDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertSameAccount(principal, accountId);
    await this.handler.change(userId, principal, body, commandContext(request, accountId, principal.userId));
  }
}
