import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { ApiKeyIssuer } from '../issue-api-key/api-key-issuer';
import { ExpiryDto, type IssuedApiKeyView } from '../issue-api-key/issue-api-key.dto';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/api-keys/:keyId/rotate')
export class RotateApiKeyHttpController {
  constructor(private readonly issuer: ApiKeyIssuer) {}

  /**
   * Permission: the user themselves, or access:manage. The old key stops working at once; the new one
   * keeps its name and permissions, gets the expiry given, and is shown once.
   */
  @Post()
  @ApiCreatedResponse({ description: 'The new key, shown once.' })
  rotate(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @Body() body: ExpiryDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<IssuedApiKeyView> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const command = { type: 'RotateApiKey' as const, userId, keyId, expiresAt: body.expiresAt };
    return this.issuer.issue(command, commandContext(request, accountId, principal.userId));
  }
}
