import {
  Body,
  Controller,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { EventStore, handleCommand } from '@gatehouse/event-store';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { userDecider, userStreamId } from '@gatehouse/users-domain';
import type { Request, Response } from 'express';
import { assertSelfOrAdmin } from '../access';
import { commandContext } from '../command-context';
import { parseIfMatch } from '../if-match';
import { UpdateUserDetailsDto } from './update-user-details.dto';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users')
export class UpdateUserDetailsHttpController {
  constructor(private readonly store: EventStore) {}

  /** Permission: Account admin of the account, or the user themselves. A stale If-Match → 409. */
  @Patch(':userId')
  @HttpCode(204)
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description: 'ETag from GET; the edit fails with 409 if stale',
  })
  async update(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: UpdateUserDetailsDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    assertSelfOrAdmin(principal, accountId, userId);
    const expectedVersion = parseIfMatch(ifMatch);
    const command = { type: 'UpdateUserDetails' as const, accountId, changes: body };
    const context = commandContext(request, accountId, principal.userId);
    const result = await handleCommand(this.store, userStreamId(userId), userDecider, command, context, {
      expectedVersion,
    });
    response.setHeader('ETag', `"${result.version}"`);
  }
}
