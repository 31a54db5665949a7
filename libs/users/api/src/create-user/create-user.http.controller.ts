import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { assertPermission } from '../access';
import { commandContext } from '@gatehouse/identity';
import { CreateUserDto } from './create-user.dto';
import { CreateUserHandler } from './create-user.handler';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class CreateUserHttpController {
  constructor(private readonly handler: CreateUserHandler) {}

  /**
   * Permission: users:manage; and roles:manage when roles are given, access:manage when access controls
   * are. The user is emailed a single-use link (7 days) to choose a first password; the answer comes once
   * the roles and access controls are in force (no login is accepted before the controls are).
   */
  @Post()
  @ApiCreatedResponse({ description: 'The user is created; Location names it, ETag is its version.' })
  async create(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: CreateUserDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ userId: string }> {
    assertPermission(principal, accountId, 'users:manage');
    const { roles = [], mobile, accessControls, ...details } = body;
    if (roles.length > 0) assertPermission(principal, accountId, 'roles:manage');
    if (accessControls) assertPermission(principal, accountId, 'access:manage');
    const profile = { ...details, mobile: mobile ?? null };
    const { userId, version } = await this.handler.handle(
      { accountId, profile, roles, accessControls, firstPasswordLink: true },
      commandContext(request, accountId, principal.userId),
    );
    response.header('Location', `/v1/accounts/${accountId}/users/${userId}`).header('ETag', `"${version}"`);
    return { userId };
  }
}
