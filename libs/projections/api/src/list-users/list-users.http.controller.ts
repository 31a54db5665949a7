import {
  Controller,
  ForbiddenException,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BuiltInRoles } from '@gatehouse/contracts';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { type Page, UsersListReadModel } from '@gatehouse/read-models';
import type { UserRow } from '@gatehouse/users-list';
import { ListUsersQuery } from './list-users.query';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users')
export class ListUsersHttpController {
  constructor(private readonly readModel: UsersListReadModel) {}

  /** Permission: Account admin of the account. Read model: eventually consistent with the store. */
  @Get()
  list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListUsersQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<UserRow>> {
    if (principal.accountId !== accountId) throw new NotFoundException('no such account');
    if (!principal.roles.has(BuiltInRoles.accountAdmin)) {
      throw new ForbiddenException('only an Account admin of this account may list its users');
    }
    return this.readModel.list(accountId, { cursor: query.cursor, limit: query.limit ?? 50 });
  }
}
