import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { BuiltInRoles } from '@gatehouse/contracts';
import { DomainError } from '@gatehouse/domain-kit';
import { assertSameAccount, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import { INVITE_EXPIRY_HOURS } from '@gatehouse/invites-domain';
import { IsInt } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { InviteCommands } from '../invite-commands';

export class InviteSettingsDto {
  @ApiProperty({ minimum: INVITE_EXPIRY_HOURS.min, maximum: INVITE_EXPIRY_HOURS.max, example: 168 })
  @IsInt()
  expiryHours!: number;
}

@ApiTags('invites')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/invite-settings')
export class InviteSettingsHttpController {
  constructor(private readonly invites: InviteCommands) {}

  /** Permission: any user of the account. */
  @Get()
  async settings(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<InviteSettingsDto> {
    assertSameAccount(principal, accountId);
    return { expiryHours: await this.invites.expiryHours(accountId) };
  }

  /** Permission: the Account admin role. Applies to invites sent or resent from then on. */
  @Put()
  @HttpCode(204)
  async change(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: InviteSettingsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertSameAccount(principal, accountId);
    if (!principal.roles.has(BuiltInRoles.accountAdmin)) {
      throw new DomainError(
        'ACCOUNT_ADMIN_REQUIRED',
        'forbidden',
        'only an Account admin changes invite settings',
      );
    }
    await this.invites.changeExpiry(
      accountId,
      body.expiryHours,
      commandContext(request, accountId, principal.userId),
    );
  }
}
