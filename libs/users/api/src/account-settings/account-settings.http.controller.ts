import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { AccountSettings } from '@gatehouse/contracts';
import { EventStore, handleCommand, StateCache } from '@gatehouse/event-store';
import { CurrentPrincipal, type Principal } from '@gatehouse/http';
import { accountDecider, accountSettingsOf, accountStreamId } from '@gatehouse/users-domain';
import type { FastifyRequest } from 'fastify';
import { assertAccountAdmin, assertSameAccount } from '../access';
import { commandContext } from '@gatehouse/identity';
import { AccountSettingsDto } from './account-settings.dto';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/settings')
export class AccountSettingsHttpController {
  constructor(
    private readonly store: EventStore,
    private readonly states: StateCache,
  ) {}

  /** Permission: any user of the account (everyone choosing a password needs the policy). */
  @Get()
  async get(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AccountSettings> {
    assertSameAccount(principal, accountId);
    return accountSettingsOf((await this.states.load(accountStreamId(accountId), accountDecider)).state);
  }

  /**
   * Permission: the Account admin role. Replaces the password policy, the lockout limit and (when given)
   * the session policy; a shorter session policy applies to open sessions from their next request.
   */
  @Put()
  async replace(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Body() body: AccountSettingsDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<AccountSettings> {
    assertAccountAdmin(principal, accountId);
    const { minLength, minCharacterClasses } = body.passwordPolicy;
    const { maxFailures, windowMinutes } = body.lockout;
    const sessions = body.sessions && {
      idleTimeoutMinutes: body.sessions.idleTimeoutMinutes,
      absoluteLifetimeMinutes: body.sessions.absoluteLifetimeMinutes,
    };
    const settings = {
      passwordPolicy: { minLength, minCharacterClasses },
      lockout: { maxFailures, windowMinutes },
      ...(sessions ? { sessions } : {}),
    };
    const result = await handleCommand(
      this.store,
      accountStreamId(accountId),
      accountDecider,
      { type: 'ChangeAccountSettings', accountId, settings },
      commandContext(request, accountId, principal.userId),
      { cache: this.states },
    );
    return accountSettingsOf(result.state);
  }
}
