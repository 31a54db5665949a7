import { Module } from '@nestjs/common';
import { BootstrapAccountHandler } from './bootstrap-account/bootstrap-account.handler';
import { BootstrapAccountHttpController } from './bootstrap-account/bootstrap-account.http.controller';
import { OperatorGuard } from './bootstrap-account/operator.guard';
import { DeadLettersHttpController } from './dead-letters/dead-letters.http.controller';
import { CreateInvitedUserHandler } from './create-invited-user/create-invited-user.handler';
import { CreateInvitedUserInternalController } from './create-invited-user/create-invited-user.internal.controller';
import { CreateUserHandler } from './create-user/create-user.handler';
import { UsernameReadAhead } from './create-user/username-read-ahead';
import { CreateUserHttpController } from './create-user/create-user.http.controller';
import { GetUserHttpController } from './get-user/get-user.http.controller';
import { UserStateHttpController } from './user-state/user-state.http.controller';
import { LoginHandler } from './login/login.handler';
import { LoginThrottle } from './login/login-throttle';
import { LoginHttpController } from './login/login.http.controller';
import { LogoutHttpController } from './logout/logout.http.controller';
import { EndSessionHttpController } from './end-session/end-session.http.controller';
import { ListSessionsHttpController } from './list-sessions/list-sessions.http.controller';
import { UserSessions } from './list-sessions/user-sessions';
import { UpdateUserDetailsHttpController } from './update-user-details/update-user-details.http.controller';
import { AccountSettingsHttpController } from './account-settings/account-settings.http.controller';
import { ChangeContactInfoHttpController } from './change-contact-info/change-contact-info.http.controller';
import { ChangePasswordHandler } from './change-password/change-password.handler';
import { ChangePasswordHttpController } from './change-password/change-password.http.controller';
import { CompletePasswordResetHandler } from './complete-password-reset/complete-password-reset.handler';
import { CompletePasswordResetHttpController } from './complete-password-reset/complete-password-reset.http.controller';
import { PasswordPagesController } from './password-pages/password-pages.page.controller';
import { DisableUserHttpController } from './disable-user/disable-user.http.controller';
import { EnableUserHttpController } from './enable-user/enable-user.http.controller';
import { UserEmailsReaction } from './notifications/user-emails.reaction';
import { PasswordResets } from './password-reset/password-resets';
import { RequestDeletionHttpController } from './request-deletion/request-deletion.http.controller';
import { UnlockUserHttpController } from './unlock-user/unlock-user.http.controller';
import { SendPasswordResetHttpController } from './send-password-reset/send-password-reset.http.controller';
import { TargetUserReadAhead } from './target-user-read-ahead';
import { UserCommands } from './user-commands';
import { ResetLinksHandler } from './password-reset/reset-links.handler';
import { UsernameReservationsMigration } from './username-reservations/username-reservations.migration';

/**
 * The users context over HTTP. Ports (EventStore, SecretStore, Notifier, DeliveryLog, DeliveryPolicy, SessionConfig, OperatorConfig,
 * ReservationConfig, PasswordResetConfig) and IdentityModule are bound by the runtime that imports this module: SQLite, files
 * and a file outbox when embedded, PostgreSQL, env and an outbox or SMTP when distributed.
 */
@Module({
  controllers: [
    BootstrapAccountHttpController,
    LoginHttpController,
    LogoutHttpController,
    ListSessionsHttpController,
    EndSessionHttpController,
    CreateUserHttpController,
    GetUserHttpController,
    UserStateHttpController,
    UpdateUserDetailsHttpController,
    ChangeContactInfoHttpController,
    ChangePasswordHttpController,
    DisableUserHttpController,
    EnableUserHttpController,
    RequestDeletionHttpController,
    UnlockUserHttpController,
    SendPasswordResetHttpController,
    CompletePasswordResetHttpController,
    PasswordPagesController,
    AccountSettingsHttpController,
    CreateInvitedUserInternalController,
    DeadLettersHttpController,
  ],
  providers: [
    OperatorGuard,
    CreateUserHandler,
    BootstrapAccountHandler,
    LoginHandler,
    LoginThrottle,
    UserCommands,
    UsernameReservationsMigration,
    UserEmailsReaction,
    PasswordResets,
    ChangePasswordHandler,
    ResetLinksHandler,
    CompletePasswordResetHandler,
    CreateInvitedUserHandler,
    UserSessions,
    TargetUserReadAhead,
    UsernameReadAhead,
  ],
  // The embedded runtime hands the invites context this handler in place of the internal HTTP call.
  exports: [CreateInvitedUserHandler],
})
export class UsersApiModule {}
