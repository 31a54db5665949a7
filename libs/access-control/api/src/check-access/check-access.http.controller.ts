import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { GuardedBy } from '@gatehouse/http';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { CheckAccessDto } from './check-access.dto';
import { type AccessAnswer, CheckAccessHandler } from './check-access.handler';
import { PlatformServiceGuard, SERVICE_TOKEN_HEADER } from './service-token';

@ApiTags('access check')
@ApiHeader({ name: SERVICE_TOKEN_HEADER, required: true, description: 'the operator-issued service token' })
@GuardedBy(PlatformServiceGuard)
@Controller('v1/access/check')
export class CheckAccessHttpController {
  constructor(private readonly handler: CheckAccessHandler) {}

  /**
   * Permission: a platform service (service token). Whether a credential may act, from a client address
   * over a protocol: `{ allowed: true, principal }` with the account, user, roles and permissions, or
   * `{ allowed: false, reason: "CREDENTIALS_REFUSED" }`, one reason for every refusal.
   */
  @Post()
  @HttpCode(200)
  check(@Body() body: CheckAccessDto): Promise<AccessAnswer> {
    return this.handler.check(body.credential, body.protocol, body.clientIp);
  }
}
