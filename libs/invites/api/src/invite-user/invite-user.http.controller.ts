import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { assertPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import { InviteErrors } from '@gatehouse/invites-domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { InviteCommands } from '../invite-commands';
import { AccountEmails } from './account-emails';
import { InviteUserDto } from './invite-user.dto';

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invites')
export class InviteUserHttpController {
  constructor(
    private readonly invites: InviteCommands,
    private readonly emails: AccountEmails,
  ) {}

  /** Permission: users:manage and roles:manage (an invite always gives roles). */
  @Post()
  @ApiCreatedResponse({ description: 'The invite is pending and its email on its way; Location names it.' })
  async invite(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: InviteUserDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ inviteId: string }> {
    assertPermission(principal, accountId, 'users:manage');
    assertPermission(principal, accountId, 'roles:manage');
    const { email, firstName, lastName, language, timeZone, roles, accessControls } = body;
    if (await this.emails.isUser(accountId, email)) throw InviteErrors.emailIsUser();
    const inviteId = uuidv7();
    const invitee = { email, firstName: firstName ?? null, lastName: lastName ?? null, language, timeZone };
    const facts = {
      inviteId,
      accountId,
      invitee,
      roles,
      accessControls: accessControls ?? null,
      invitedBy: principal.userId,
    };
    await this.invites.invite(facts, commandContext(request, accountId, principal.userId));
    response.header('Location', `/v1/accounts/${accountId}/invites/${inviteId}`);
    return { inviteId };
  }
}
