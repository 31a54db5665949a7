import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { handleCommand, StateCache, EventStore } from '@gatehouse/event-store';
import { AuthenticatedGuard, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { rolesDecider, rolesStreamId } from '@gatehouse/users-domain';
import type { Request, Response } from 'express';
import { v7 as uuidv7 } from 'uuid';
import { assertPermission } from '../access';
import { commandContext } from '../command-context';
import { DefineRoleDto } from './define-role.dto';

@ApiTags('roles')
@ApiBearerAuth()
@UseGuards(AuthenticatedGuard)
@Controller('v1/accounts/:accountId/roles')
export class DefineRoleHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  /** Permission: roles:manage (the decider re-checks the Account admin role on the version it appends to). */
  @Post()
  @ApiCreatedResponse({
    description: 'The role is in the catalog; Location names it, ETag is the roles version.',
  })
  async define(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: DefineRoleDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ roleId: string }> {
    assertPermission(principal, accountId, 'roles:manage');
    const roleId = `custom-${uuidv7()}`;
    const command = { type: 'DefineRole' as const, actorId: principal.userId, roleId, ...body };
    const context = commandContext(request, accountId, principal.userId);
    const result = await handleCommand(this.store, rolesStreamId(accountId), rolesDecider, command, context, {
      cache: this.states,
      retries: 10,
    });
    response.location(`/v1/accounts/${accountId}/roles/${roleId}`).setHeader('ETag', `"${result.version}"`);
    return { roleId };
  }
}
