import { Public } from '@gatehouse/http';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { requestContext } from '@gatehouse/identity';
import { CompletePasswordResetDto } from './complete-password-reset.dto';
import { CompletePasswordResetHandler } from './complete-password-reset.handler';

@ApiTags('sessions')
@Public()
@Controller('v1/password-resets')
export class CompletePasswordResetHttpController {
  constructor(private readonly handler: CompletePasswordResetHandler) {}

  /** Permission: whoever holds a valid reset token (no session). Sets the password; the token is then spent. */
  @Post()
  @HttpCode(204)
  async complete(@Body() body: CompletePasswordResetDto, @Req() request: FastifyRequest): Promise<void> {
    await this.handler.complete(body.token, body.newPassword, requestContext(request, 'anonymous'));
  }
}
