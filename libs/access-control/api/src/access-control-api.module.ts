import { Module } from '@nestjs/common';
import { AccessCommands } from './access-commands';
import { CheckAccessHandler } from './check-access/check-access.handler';
import { CheckAccessHttpController } from './check-access/check-access.http.controller';
import { CheckAccessNginxController } from './check-access/check-access.nginx.controller';
import { PlatformServiceGuard } from './check-access/service-token';
import { InvitedAccessReaction } from './apply-invited-access/invited-access.reaction';
import { AddCurrentIpHttpController } from './add-current-ip/add-current-ip.http.controller';
import { GetAccessControlsHttpController } from './get-access-controls/get-access-controls.http.controller';
import { ApiKeyIssuer } from './issue-api-key/api-key-issuer';
import { IssueApiKeyHttpController } from './issue-api-key/issue-api-key.http.controller';
import { ListApiKeysHttpController } from './list-api-keys/list-api-keys.http.controller';
import { AccessRefusalsList } from './list-access-refusals/access-refusals.list';
import { ListAccessRefusalsHttpController } from './list-access-refusals/list-access-refusals.http.controller';
import { RegisterMobileDeviceHttpController } from './mobile-devices/register-mobile-device.http.controller';
import { RemoveMobileDeviceHttpController } from './mobile-devices/remove-mobile-device.http.controller';
import { SelectTwoFactorChannelHttpController } from './select-two-factor-channel/select-two-factor-channel.http.controller';
import { RevokeApiKeyHttpController } from './revoke-api-key/revoke-api-key.http.controller';
import { RotateApiKeyHttpController } from './rotate-api-key/rotate-api-key.http.controller';
import { SetApiAccessHttpController } from './set-api-access/set-api-access.http.controller';
import { SetIpSafelistHttpController } from './set-ip-safelist/set-ip-safelist.http.controller';

/**
 * The access-control context over HTTP: a user's IP safelist, API access per protocol, API keys, 2FA
 * channel and mobile devices, and
 * the access controls of an accepted invite applied to its new user (a reaction), and the refusals the
 * edge recorded of a user's credentials (read only: every service's edge writes them). The rules are enforced
 * on every request of every service by the identity lib; this module only writes them, and answers other
 * platform services' access checks with the same rules. EventStore, SecretStore, ServiceTokenConfig and
 * IdentityModule are bound by the runtime importing it.
 */
@Module({
  controllers: [
    GetAccessControlsHttpController,
    // Before the safelist's own route: `current-ip` is a path of its own, not an entry.
    AddCurrentIpHttpController,
    SetIpSafelistHttpController,
    SetApiAccessHttpController,
    SelectTwoFactorChannelHttpController,
    RegisterMobileDeviceHttpController,
    RemoveMobileDeviceHttpController,
    ListApiKeysHttpController,
    IssueApiKeyHttpController,
    RotateApiKeyHttpController,
    RevokeApiKeyHttpController,
    ListAccessRefusalsHttpController,
    CheckAccessHttpController,
    CheckAccessNginxController,
  ],
  providers: [
    AccessCommands,
    AccessRefusalsList,
    ApiKeyIssuer,
    CheckAccessHandler,
    PlatformServiceGuard,
    InvitedAccessReaction,
  ],
})
export class AccessControlApiModule {}
