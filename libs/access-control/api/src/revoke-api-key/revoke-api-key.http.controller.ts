import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { commandContext } from '@gatehouse/identity';
import type { FastifyRequest } from 'fastify';
import { AccessCommands } from '../access-commands';

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/api-keys/:keyId')
export class RevokeApiKeyHttpController {
  constructor(private readonly access: AccessCommands) {}

  /** Permission: the user themselves, or access:manage. The key is refused from the very next request. */
  @Delete()
  @HttpCode(204)
  async revoke(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @Param('keyId', ParseUUIDPipe) keyId: string,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    await this.access.run(
      userId,
      { type: 'RevokeApiKey', userId, keyId },
      commandContext(request, accountId, principal.userId),
    );
  }
}
