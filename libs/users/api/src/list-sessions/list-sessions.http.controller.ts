import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { assertManagesUser } from '../access';
import { UserCommands } from '../user-commands';
import { SessionListView } from './session.view';
import { UserSessions } from './user-sessions';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/sessions')
export class ListSessionsHttpController {
  constructor(
    private readonly users: UserCommands,
    private readonly sessions: UserSessions,
  ) {}

  /**
   * Permission: the user themselves, or users:manage (over an Account admin, only another Account admin).
   * The user's live sessions, newest first, the caller's own marked `current`.
   */
  @Get()
  @ApiOkResponse({ type: SessionListView })
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SessionListView> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId), { orSelf: true });
    const sessions = await this.sessions.list(accountId, userId, principal.sessionId);
    return { sessions: sessions.sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
  }
}
