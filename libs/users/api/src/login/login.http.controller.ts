import { Body, Controller, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { requestContext } from '@gatehouse/identity';
import { LoginDto } from './login.dto';
import { LoginHandler, type LoginResult } from './login.handler';

@ApiTags('sessions')
@Controller('v1/sessions')
export class LoginHttpController {
  constructor(private readonly handler: LoginHandler) {}

  /** Permission: anyone with a username and its password. Returns a bearer session token. */
  @Post()
  login(@Body() body: LoginDto, @Req() request: Request): Promise<LoginResult> {
    return this.handler.login(
      body.username,
      body.password,
      request.ip ?? '',
      requestContext(request, 'anonymous'),
    );
  }
}
