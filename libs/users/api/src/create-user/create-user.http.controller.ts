import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { Request, Response } from 'express';
import { assertAccountAdmin } from '../access';
import { commandContext } from '../command-context';
import { CreateUserDto } from './create-user.dto';
import { CreateUserHandler } from './create-user.handler';

@ApiTags('users')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/users')
export class CreateUserHttpController {
  constructor(private readonly handler: CreateUserHandler) {}

  /** Permission: Account admin of the account. */
  @Post()
  @ApiCreatedResponse({ description: 'The user is created; Location names it, ETag is its version.' })
  async create(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: CreateUserDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ userId: string }> {
    assertAccountAdmin(principal, accountId);
    const { roles = [], mobile, ...details } = body;
    const profile = { ...details, mobile: mobile ?? null };
    const { userId, version } = await this.handler.handle(
      { accountId, profile, roles },
      commandContext(request, accountId, principal.userId),
    );
    response.location(`/v1/accounts/${accountId}/users/${userId}`).setHeader('ETag', `"${version}"`);
    return { userId };
  }
}
