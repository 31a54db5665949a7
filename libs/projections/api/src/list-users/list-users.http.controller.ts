import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { ListUsersQueryDto } from '../users-query/users-query.dto';
import { UsersListReader } from '../users-query/users-list.reader';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class ListUsersHttpController {
  constructor(private readonly reader: UsersListReader) {}

  /** Permission: users:read. Read model: eventually consistent with the store; the permission is not. */
  @Get()
  // The reader answers the page's JSON text (the rows as stored), so it goes out as it is.
  @Header('content-type', 'application/json; charset=utf-8')
  @ApiOkResponse({
    description:
      '{ items, nextCursor, total }: total is exact, or with totalIsAtLeast: true a lower bound (a broad ' +
      'search with filters at scale). A page may hold fewer rows than limit when matches are sparse; ' +
      'page on while nextCursor is not null.',
  })
  list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListUsersQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<string> {
    assertPermission(principal, accountId, 'users:read');
    return this.reader.pageJson(accountId, query);
  }
}
