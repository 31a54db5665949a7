import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertPermission, assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import { ipAllowed } from '@gatehouse/identity-domain';
import type { FastifyRequest } from 'fastify';
import { AccessCommands } from '../access-commands';
import { AddCurrentIpDto, type CurrentIpView } from './add-current-ip.dto';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/ip-safelist/current-ip')
export class AddCurrentIpHttpController {
  constructor(private readonly access: AccessCommands) {}

  /**
   * Permission: the user themselves, or access:manage. The caller's address, whether the list lets it in,
   * and whether an entry of the list holds it.
   */
  @Get()
  async current(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<CurrentIpView> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const { state } = await this.access.read(accountId, userId);
    const ip = request.ip ?? '';
    const covered = ipAllowed(state, ip);
    return { ip, covered, listed: covered && state.safelist.length > 0 };
  }

  /**
   * Permission: access:manage. Adds the caller's address ("Add current IP"); when the list already covers
   * it nothing changes and `added` is false.
   */
  @Post()
  @HttpCode(200)
  async add(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: AddCurrentIpDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<CurrentIpView & { readonly added: boolean }> {
    assertPermission(principal, accountId, 'access:manage');
    const ip = request.ip ?? '';
    const command = { type: 'AddCurrentIp' as const, userId, actorId: principal.userId, clientIp: ip };
    const { events } = await this.access.run(
      userId,
      { ...command, label: body.label ?? null },
      commandContext(request, accountId, principal.userId),
    );
    return { ip, covered: true, listed: true, added: events.length > 0 };
  }
}
