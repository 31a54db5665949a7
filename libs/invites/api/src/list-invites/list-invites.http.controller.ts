import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { InviteStatus } from '@gatehouse/invites-domain';
import { InvitesList, type InvitesPage } from './invites-list';

const statuses: readonly InviteStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

export class ListInvitesQuery {
  @ApiPropertyOptional({ enum: statuses }) @IsOptional() @IsIn(statuses) status?: InviteStatus;
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites')
export class ListInvitesHttpController {
  constructor(private readonly list: InvitesList) {}

  /** Permission: users:read. In invite order (oldest first); `expired` is a pending invite past its deadline. */
  @Get()
  async invites(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ListInvitesQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InvitesPage> {
    assertPermission(principal, accountId, 'users:read');
    const { status, cursor, limit = 50 } = query;
    return this.list.page(accountId, { status, cursor, limit }, new Date());
  }
}
