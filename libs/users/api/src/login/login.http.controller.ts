import { Public } from '@gatehouse/http';
import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestContext } from '@gatehouse/identity';
import { LoginDto } from './login.dto';
import { LoginHandler, type LoginResult, LoginThrottled } from './login.handler';

@ApiTags('sessions')
@Public()
@Controller('v1/sessions')
export class LoginHttpController {
  constructor(private readonly handler: LoginHandler) {}

  /**
   * Permission: anyone with a username and its password. Returns a bearer session token. 429 with
   * Retry-After after too many failures from the address or for the username (docs/limits.md).
   */
  @Post()
  async login(
    @Body() body: LoginDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<LoginResult> {
    const context = requestContext(request, 'anonymous');
    try {
      const userAgent = request.headers['user-agent'];
      return await this.handler.login(body.username, body.password, request.ip ?? '', context, userAgent);
    } catch (error) {
      if (error instanceof LoginThrottled) response.header('Retry-After', String(error.retryAfter));
      throw error;
    }
  }
}
