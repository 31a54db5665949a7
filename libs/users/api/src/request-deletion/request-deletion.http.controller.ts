import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BuiltInRoles } from '@gatehouse/contracts';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import type { FastifyRequest } from 'fastify';
import { assertManagesUser } from '../access';
import { commandContext } from '@gatehouse/identity';
import { UserCommands } from '../user-commands';

@ApiTags('users')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users')
export class RequestDeletionHttpController {
  constructor(private readonly users: UserCommands) {}

  /**
   * Permission: the user themselves, or users:manage; an Account admin's own only by another Account admin
   * (403). Records the request (202: erasure comes later); GET and the users list show
   * `deletionRequestedAt`.
   */
  @Post(':userId/deletion-request')
  @HttpCode(202)
  async request(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<{ deletionRequestedAt: string }> {
    const roles = await this.users.rolesOf(userId);
    assertManagesUser(principal, accountId, userId, roles, { orSelf: true });
    const context = commandContext(request, accountId, principal.userId);
    const selfAsAccountAdmin = principal.userId === userId && roles.has(BuiltInRoles.accountAdmin);
    await this.users.run(userId, { type: 'RequestDeletion', accountId, selfAsAccountAdmin }, context);
    return { deletionRequestedAt: context.now.toISOString() };
  }

  /**
   * Permission: users:manage, never oneself (a user whose deletion is requested cannot act). Takes a
   * request made by mistake back: the user may log in again; 409 when none is pending.
   */
  @Delete(':userId/deletion-request')
  @HttpCode(204)
  async withdraw(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertManagesUser(principal, accountId, userId, await this.users.rolesOf(userId));
    const context = commandContext(request, accountId, principal.userId);
    await this.users.run(userId, { type: 'WithdrawDeletionRequest', accountId }, context);
  }
}
