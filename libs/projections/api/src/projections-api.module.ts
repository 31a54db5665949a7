import { Global, Module } from '@nestjs/common';
import { AccountEventsHttpController } from './event-history/account-events.http.controller';
import { StreamEventsHttpController } from './event-history/stream-events.http.controller';
import { ExportUsersHttpController } from './export-users/export-users.http.controller';
import { InvitesListReader } from './list-invites/invites-list.reader';
import { ListInvitesHttpController } from './list-invites/list-invites.http.controller';
import { ListUsersHttpController } from './list-users/list-users.http.controller';
import { ProjectionRunner } from './projection-runner/projection-runner';
import { RebuildReadModelsHttpController } from './rebuild-read-models/rebuild-read-models.http.controller';
import { UsersListReader } from './users-query/users-list.reader';

/**
 * Read models over HTTP and the runner that feeds and rebuilds them; beside them, the account's event
 * history for auditors, read from the store. The runtime binds EventStore,
 * EventSubscriber, ReadModelStore, ProjectionsConfig and an Authenticator; its readiness checks take
 * readModelsReadiness (global, so the runtime's readiness provider can inject the runner).
 */
@Global()
@Module({
  controllers: [
    ListUsersHttpController,
    ExportUsersHttpController,
    ListInvitesHttpController,
    RebuildReadModelsHttpController,
    AccountEventsHttpController,
    StreamEventsHttpController,
  ],
  providers: [ProjectionRunner, UsersListReader, InvitesListReader],
  exports: [ProjectionRunner],
})
export class ProjectionsApiModule {}
