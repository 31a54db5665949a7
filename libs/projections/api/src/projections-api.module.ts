import { Module } from '@nestjs/common';
import { ListUsersHttpController } from './list-users/list-users.http.controller';
import { UsersListProjector } from './users-list-projector/users-list-projector';

/**
 * Read models over HTTP and the projectors that feed them. The runtime binds EventSubscriber,
 * UsersListReadModel, ProjectionsConfig and an Authenticator.
 */
@Module({
  controllers: [ListUsersHttpController],
  providers: [UsersListProjector],
})
export class ProjectionsApiModule {}
