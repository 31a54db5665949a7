import { Body, Controller, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { BuiltInRoles } from '@gatehouse/contracts';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertManagesUser } from '../access';
import { commandContext } from '@gatehouse/identity';
import { parseIfMatch } from '../if-match';
import { UserCommands } from '../user-commands';
import { UpdateUserDetailsDto } from './update-user-details.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class UpdateUserDetailsHttpController {
  constructor(private readonly users: UserCommands) {}

  /**
   * Permission: the user themselves, or users:manage. The language only by an Account admin (their own
   * included): for anyone else it is read-only (403 LANGUAGE_READ_ONLY). A stale If-Match → 409.
   */
  @Patch(':userId')
  @HttpCode(204)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'ETag from GET; the edit fails with 409 if stale',
  })
  async update(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: UpdateUserDetailsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId), {
      orSelf: true,
    });
    const expectedVersion = parseIfMatch(ifMatch);
    const command = {
      type: 'UpdateUserDetails' as const,
      accountId,
      changes: body,
      actorIsAccountAdmin: principal.roles.has(BuiltInRoles.accountAdmin),
    };
    const context = commandContext(request, accountId, principal.userId);
    const result = await this.users.run(userId, command, context, { expectedVersion });
    response.header('ETag', `"${result.version}"`);
  }
}
