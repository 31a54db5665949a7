import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { assertSelfOrPermission, CurrentPrincipal, PageLimit, type Principal } from '@gatehouse/http';
import { AccessCommands } from '../access-commands';
import { AccessRefusalsList, type AccessRefusalsPage } from './access-refusals.list';

export class ListAccessRefusalsQuery {
  @ApiPropertyOptional({ description: 'the nextCursor of the previous page', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cursor?: number;
  @PageLimit() limit?: number;
}

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-refusals')
export class ListAccessRefusalsHttpController {
  constructor(
    private readonly access: AccessCommands,
    private readonly refusals: AccessRefusalsList,
  ) {}

  /**
   * Permission: the user themselves, or access:manage. Refusals of the user's credentials (login, basic
   * authentication, API keys, sessions, the access check), newest first, with the reason the caller was
   * not told: at most one per reason a minute is stored, `suppressed` counting the others.
   */
  @Get()
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Query() query: ListAccessRefusalsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccessRefusalsPage> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    await this.access.assertUserOf(accountId, userId);
    return this.refusals.page(userId, { cursor: query.cursor, limit: query.limit ?? 50 });
  }
}
