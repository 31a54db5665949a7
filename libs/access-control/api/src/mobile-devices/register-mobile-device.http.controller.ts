import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AccessErrors } from '@gatehouse/access-control-domain';
import { assertSameAccount, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { MobileDeviceState } from '@gatehouse/identity-domain';
import type { FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { AccessCommands } from '../access-commands';
import { RegisterMobileDeviceDto } from './register-mobile-device.dto';

@ApiTags('access controls')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/access-controls/mobile-devices')
export class RegisterMobileDeviceHttpController {
  constructor(private readonly access: AccessCommands) {}

  /**
   * Permission: the user themselves only, signed in on the device's app: whoever registers a device holds
   * it, so an admin cannot register one for somebody else (403 MOBILE_DEVICE_SELF_ONLY).
   */
  @Post()
  async register(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: RegisterMobileDeviceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<MobileDeviceState> {
    assertSameAccount(principal, accountId);
    if (principal.userId !== userId) throw AccessErrors.deviceSelfOnly();
    const context = commandContext(request, accountId, principal.userId);
    const deviceId = uuidv7();
    const { state } = await this.access.run(
      userId,
      { type: 'RegisterMobileDevice', userId, deviceId, ...body, now: context.now.toISOString() },
      context,
    );
    return state.mobileDevices.get(deviceId) as MobileDeviceState;
  }
}
