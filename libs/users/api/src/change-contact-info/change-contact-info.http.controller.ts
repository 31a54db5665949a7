import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertManagesUser } from '../access';
import { commandContext } from '@gatehouse/identity';
import { parseIfMatch } from '../if-match';
import { UserCommands } from '../user-commands';
import { ChangeContactInfoDto } from './change-contact-info.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class ChangeContactInfoHttpController {
  constructor(private readonly users: UserCommands) {}

  /**
   * Permission: the user themselves, or users:manage. Replaces email and mobile; on an email change both
   * the old and the new address are told. A stale If-Match → 409.
   */
  @Put(':userId/contact-info')
  @HttpCode(204)
  @ApiHeader({ name: 'If-Match', required: false, description: 'ETag from GET; 409 if stale' })
  async change(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: ChangeContactInfoDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId), {
      orSelf: true,
    });
    const context = commandContext(request, accountId, principal.userId);
    const command = { type: 'ChangeContactInfo', accountId, email: body.email, mobile: body.mobile } as const;
    const result = await this.users.run(userId, command, context, { expectedVersion: parseIfMatch(ifMatch) });
    response.header('ETag', `"${result.version}"`);
  }
}
