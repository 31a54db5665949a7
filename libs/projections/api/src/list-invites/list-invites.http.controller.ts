import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { assertPermission, CurrentPrincipal, PageLimit, type Principal } from '@gatehouse/http';
import type { InviteStatus } from '@gatehouse/invites-list';
import { InvitesListReader, type InvitesPage } from './invites-list.reader';

const statuses: readonly InviteStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

export class ListInvitesQuery {
  @ApiPropertyOptional({ enum: statuses }) @IsOptional() @IsIn(statuses) status?: InviteStatus;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page, for the same status' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
  @PageLimit()
  limit?: number;
}

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites')
export class ListInvitesHttpController {
  constructor(private readonly reader: InvitesListReader) {}

  /** Permission: users:read. Read model: eventually consistent with the store; the permission is not. */
  @Get()
  @ApiOkResponse({
    description:
      '{ items, nextCursor }, newest invite first; `expired` is a pending invite at or past its deadline ' +
      'when asked. A page may hold fewer rows than limit; page on while nextCursor is not null.',
  })
  invites(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListInvitesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvitesPage> {
    assertPermission(principal, accountId, 'users:read');
    const { status, cursor, limit = 50 } = query;
    return this.reader.page(accountId, { status, cursor, limit }, new Date());
  }
}
