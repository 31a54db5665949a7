import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { StateCache } from '@gatehouse/event-store';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { userStreamId } from '@gatehouse/users-domain';
import { Grants } from '@gatehouse/identity';
import type { FastifyReply } from 'fastify';
import { assertSelfOrPermission } from '../access';
import { type UserView, userRecordView, userView } from './user.view';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class GetUserHttpController {
  constructor(
    private readonly states: StateCache,
    private readonly roles: Grants,
  ) {}

  /** Permission: users:read, or the user themselves. ETag = stream version (for If-Match). */
  @Get(':userId')
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<UserView> {
    assertSelfOrPermission(principal, accountId, userId, 'users:read');
    // Read with the caller's streams, when the read-ahead asked for them (target-user-read-ahead.ts).
    const [{ state, version }, { roles }] = await Promise.all([
      this.states.load(userStreamId(userId), userRecordView, 'request'),
      this.roles.rolesOf(userId, 'request'),
    ]);
    const view = userView(state, roles);
    if (!view || view.accountId !== accountId) throw new NotFoundException('no such user');
    response.header('ETag', `"${version}"`);
    return view;
  }
}
