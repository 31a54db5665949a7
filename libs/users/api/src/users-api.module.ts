import { Module } from '@nestjs/common';
import { BootstrapAccountHandler } from './bootstrap-account/bootstrap-account.handler';
import { BootstrapAccountHttpController } from './bootstrap-account/bootstrap-account.http.controller';
import { OperatorGuard } from './bootstrap-account/operator.guard';
import { CreateUserHandler } from './create-user/create-user.handler';
import { CreateUserHttpController } from './create-user/create-user.http.controller';
import { GetUserHttpController } from './get-user/get-user.http.controller';
import { LoginHandler } from './login/login.handler';
import { LoginHttpController } from './login/login.http.controller';
import { LogoutHttpController } from './logout/logout.http.controller';
import { PasswordHasher } from './password-hasher';
import { UpdateUserDetailsHttpController } from './update-user-details/update-user-details.http.controller';

/**
 * The users context over HTTP. Ports (EventStore, SecretStore, SessionConfig, OperatorConfig) and UsersAuthModule are
 * bound by the runtime that imports this module: SQLite and files when embedded, PostgreSQL and env when distributed.
 */
@Module({
  controllers: [
    BootstrapAccountHttpController,
    LoginHttpController,
    LogoutHttpController,
    CreateUserHttpController,
    GetUserHttpController,
    UpdateUserDetailsHttpController,
  ],
  providers: [OperatorGuard, PasswordHasher, CreateUserHandler, BootstrapAccountHandler, LoginHandler],
})
export class UsersApiModule {}
