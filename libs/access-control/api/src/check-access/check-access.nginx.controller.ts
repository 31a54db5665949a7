import { BadRequestException, Controller, Get, HttpCode, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Authenticator, BASIC_CHALLENGE, credentialOf, credentialsRefused, GuardedBy } from '@gatehouse/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isIP } from 'node:net';
import { PlatformServiceGuard, SERVICE_TOKEN_HEADER } from './service-token';

/** Where nginx puts the client's address (`proxy_set_header X-Real-IP $remote_addr;`, docs/nginx-auth-request.md). */
const CLIENT_ADDRESS_HEADER = 'x-real-ip';

@ApiTags('access check')
@ApiHeader({ name: SERVICE_TOKEN_HEADER, required: true, description: 'the operator-issued service token' })
@ApiHeader({ name: 'X-Real-IP', required: true, description: "the client's address, as nginx saw it" })
@GuardedBy(PlatformServiceGuard)
@Controller('v1/access/check/nginx')
export class CheckAccessNginxController {
  constructor(private readonly authenticator: Authenticator) {}

  /**
   * Permission: a platform service (service token). nginx `auth_request` form: judges the original
   * request's own Authorization (session token, API key, or basic credentials over HTTP) from the client
   * address in X-Real-IP, as every Gatehouse service judges its own requests. 204 with
   * X-Gatehouse-User-Id and X-Gatehouse-Account-Id; 401 (with a basic challenge) for no or a refused
   * credential, the one answer of every basic refusal; 403 for a session or key used from outside its
   * user's IP safelist.
   */
  @Get()
  @HttpCode(204)
  async check(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<void> {
    const clientIp = request.headers[CLIENT_ADDRESS_HEADER];
    if (typeof clientIp !== 'string' || isIP(clientIp) === 0) {
      throw new BadRequestException('X-Real-IP must carry the client address');
    }
    const credential = credentialOf(request);
    const principal = credential ? await this.authenticator.authenticate(credential, clientIp) : null;
    if (!principal) {
      response.header('WWW-Authenticate', BASIC_CHALLENGE);
      throw credentialsRefused();
    }
    response.header('X-Gatehouse-User-Id', principal.userId);
    response.header('X-Gatehouse-Account-Id', principal.accountId);
  }
}
