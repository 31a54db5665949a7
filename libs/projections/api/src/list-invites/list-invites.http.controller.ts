import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { InvitesListReader, type InvitesPage } from './invites-list.reader';
import { ListInvitesQuery } from './list-invites.query';

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites')
export class ListInvitesHttpController {
  constructor(private readonly reader: InvitesListReader) {}

  /** Permission: users:read. Read model: eventually consistent with the store; the permission is not. */
  @Get()
  @ApiOkResponse({
    description:
      '{ items, nextCursor, total, totalIsAtLeast? }, newest invite first unless sorted otherwise; ' +
      '`expired` is a pending invite at or past its deadline when asked. A page may hold fewer rows than ' +
      'limit; page on while nextCursor is not null.',
  })
  invites(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListInvitesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvitesPage> {
    assertPermission(principal, accountId, 'users:read');
    return this.reader.page(accountId, query, new Date());
  }
}
