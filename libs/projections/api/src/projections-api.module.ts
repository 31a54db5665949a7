import { Module } from '@nestjs/common';
import { ExportUsersHttpController } from './export-users/export-users.http.controller';
import { ListUsersHttpController } from './list-users/list-users.http.controller';
import { ProjectionRunner } from './projection-runner/projection-runner';
import { UsersListReader } from './users-query/users-list.reader';

/**
 * Read models over HTTP and the runner that feeds them. The runtime binds EventSubscriber,
 * ReadModelStore, ProjectionsConfig and an Authenticator.
 */
@Module({
  controllers: [ListUsersHttpController, ExportUsersHttpController],
  providers: [ProjectionRunner, UsersListReader],
})
export class ProjectionsApiModule {}
