import { Controller, Get, Param, ParseUUIDPipe, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { type Page, UsersListReadModel } from '@gatehouse/read-models';
import type { UserRow } from '@gatehouse/users-list';
import { ListUsersQuery } from './list-users.query';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users')
export class ListUsersHttpController {
  constructor(private readonly readModel: UsersListReadModel) {}

  /** Permission: users:read. Read model: eventually consistent with the store; the permission is not. */
  @Get()
  list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListUsersQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<UserRow>> {
    assertPermission(principal, accountId, 'users:read');
    return this.readModel.list(accountId, { cursor: query.cursor, limit: query.limit ?? 50 });
  }
}
