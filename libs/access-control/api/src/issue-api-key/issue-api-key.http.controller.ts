import { Body, Controller, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { ApiKeyIssuer } from './api-key-issuer';
import { IssueApiKeyDto, type IssuedApiKeyView } from './issue-api-key.dto';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/api-keys')
export class IssueApiKeyHttpController {
  constructor(private readonly issuer: ApiKeyIssuer) {}

  /** Permission: the user themselves, or access:manage. The key is in the answer, and only there. */
  @Post()
  @ApiCreatedResponse({ description: 'The key, shown once: `ghk_` + 30 random characters + a checksum.' })
  issue(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Body() body: IssueApiKeyDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<IssuedApiKeyView> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const command = { type: 'IssueApiKey' as const, userId, ...body, permissions: body.permissions ?? null };
    return this.issuer.issue(command, commandContext(request, accountId, principal.userId));
  }
}
