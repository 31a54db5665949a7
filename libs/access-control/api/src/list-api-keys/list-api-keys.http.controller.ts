import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { assertSelfOrPermission, CurrentPrincipal, type Principal } from '@gatehouse/http';
import { ApiKeyCredentials } from '@gatehouse/identity';
import { AccessCommands } from '../access-commands';
import type { ApiKeyView } from '../issue-api-key/issue-api-key.dto';

type ListedApiKey = ApiKeyView & { readonly lastUsedAt: string | null; readonly expired: boolean };

@ApiTags('API keys')
@ApiBearerAuth()
@Controller('v1/accounts/:accountId/users/:userId/api-keys')
export class ListApiKeysHttpController {
  constructor(
    private readonly access: AccessCommands,
    private readonly credentials: ApiKeyCredentials,
  ) {}

  /**
   * Permission: the user themselves, or access:manage. Keys not revoked, oldest first; `lastUsedAt` is
   * kept outside the event stream and moves at most once a minute.
   */
  @Get()
  async list(
    @Param('accountId', ParseUUIDPipe) accountId: string,
    @Param('userId', ParseUUIDPipe) userId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<{ items: ListedApiKey[] }> {
    assertSelfOrPermission(principal, accountId, userId, 'access:manage');
    const { state } = await this.access.read(accountId, userId);
    const now = Date.now();
    const items = await Promise.all(
      [...state.apiKeys.values()].map(async (key) => ({
        ...key,
        lastUsedAt: await this.credentials.lastUsed(key.keyId),
        expired: Date.parse(key.expiresAt) <= now,
      })),
    );
    return { items };
  }
}
