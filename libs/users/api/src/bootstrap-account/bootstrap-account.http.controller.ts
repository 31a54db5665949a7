import { GuardedBy } from '@gatehouse/http';
import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '@gatehouse/identity';
import { BootstrapAccountDto } from './bootstrap-account.dto';
import { BootstrapAccountHandler } from './bootstrap-account.handler';
import { OperatorGuard } from './operator.guard';

@ApiTags('accounts')
@ApiBearerAuth()
@GuardedBy(OperatorGuard)
@Controller('v1/accounts')
export class BootstrapAccountHttpController {
  constructor(private readonly handler: BootstrapAccountHandler) {}

  /** Permission: the platform operator token. */
  @Post()
  async bootstrap(
    @Body() body: BootstrapAccountDto,
    @Req() request: FastifyRequest,
  ): Promise<{ accountId: string; adminUserId: string }> {
    const { password, mobile, ...details } = body.admin;
    const admin = { ...details, mobile: mobile ?? null };
    return this.handler.handle({ name: body.name, admin, password }, requestContext(request, 'operator'));
  }
}
