import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { ExportUsersQueryDto } from '../users-query/users-query.dto';
import { UsersListReader } from '../users-query/users-list.reader';
import { usersCsv } from './users-csv';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class ExportUsersHttpController {
  constructor(private readonly reader: UsersListReader) {}

  /**
   * Permission: users:read. The list's search, filters and order as CSV, streamed: rows are read a batch
   * at a time and written as the client takes them, so memory stays flat at any size.
   */
  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'RFC 4180 CSV, UTF-8: Name, Email, Username, Roles, Last login, Status' })
  export(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Query() query: ExportUsersQueryDto,
    @CurrentPrincipal() principal: Principal,
    @Res() response: FastifyReply,
  ): void {
    assertPermission(principal, accountId, 'users:read');
    const csv = usersCsv(this.reader.csvLines(accountId, query), { bom: query.bom ?? false });
    // Fastify pipes the stream as the client takes it, headers with the first row; a read that fails
    // before that row becomes a problem through the filter, one after it ends the response short.
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="users.csv"')
      .send(Readable.from(csv));
  }
}
