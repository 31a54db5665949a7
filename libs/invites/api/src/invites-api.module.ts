import { Module } from '@nestjs/common';
import { AcceptInviteHandler } from './accept-invite/accept-invite.handler';
import { AcceptInvitePageController } from './accept-invite/accept-invite.page.controller';
import { AcceptInviteHttpController } from './accept-invite/accept-invite.http.controller';
import { InviteAcceptanceReaction } from './accept-invite/invite-acceptance.reaction';
import { InviteCommands } from './invite-commands';
import { InviteSettingsHttpController } from './invite-settings/invite-settings.http.controller';
import { InviteTokens } from './invite-tokens';
import { AccountEmails } from './invite-user/account-emails';
import { InviteUserHttpController } from './invite-user/invite-user.http.controller';
import { InviteEmailsReaction } from './notifications/invite-emails.reaction';
import { ResendInviteHttpController } from './resend-invite/resend-invite.http.controller';
import { RevokeInviteHttpController } from './revoke-invite/revoke-invite.http.controller';

/**
 * The invites context over HTTP: invite, resend, revoke, accept, settings, and the invite emails (the
 * list is the projection service's).
 * Ports (EventStore, SecretStore, Notifier, DeliveryLog, DeliveryPolicy, UsersListReadModel, InvitesConfig, InviteeUsers) and
 * IdentityModule are bound by the runtime importing it.
 */
@Module({
  controllers: [
    InviteUserHttpController,
    ResendInviteHttpController,
    RevokeInviteHttpController,
    AcceptInviteHttpController,
    AcceptInvitePageController,
    InviteSettingsHttpController,
  ],
  providers: [
    InviteCommands,
    InviteTokens,
    AccountEmails,
    AcceptInviteHandler,
    InviteEmailsReaction,
    InviteAcceptanceReaction,
  ],
})
export class InvitesApiModule {}
