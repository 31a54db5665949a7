import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { accessStreamId, roleAssignmentsStreamId, userStreamId } from '@gatehouse/contracts';
import { EventStore } from '@gatehouse/event-store';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { assertPermission } from '../access';
import { UserStateQueryDto } from './user-state.dto';
import { userStateAt, type UserStateView } from './user-state.view';

@ApiTags('history')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/state')
export class UserStateHttpController {
  constructor(private readonly store: EventStore) {}

  /**
   * Permission: audit:read. The user as they stood at `at`: details, status, roles and access controls,
   * folded from their streams in the store up to that moment (reads the whole history: an auditor's
   * question, not a hot path). 404 for a user of another account, and for a moment before they existed.
   */
  @Get()
  async at(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() query: UserStateQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UserStateView> {
    assertPermission(principal, accountId, 'audit:read');
    const [user, roles, access] = await this.store.readStreams(
      [userStreamId(userId), roleAssignmentsStreamId(userId), accessStreamId(userId)].map((streamId) => ({
        streamId,
        fromPosition: 0,
      })),
    );
    if (user[0]?.accountId !== accountId) throw new NotFoundException('no such user');
    const state = userStateAt({ user, roles, access }, new Date(query.at).toISOString());
    if (!state) throw new NotFoundException('the user did not exist yet at that moment');
    return state;
  }
}
