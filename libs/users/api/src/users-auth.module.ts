import { Global, Module } from '@nestjs/common';
import { EventStore, StateCache } from '@gatehouse/event-store';
import { AuthenticatedGuard, Authenticator } from '@gatehouse/http';
import { AccountRoles } from './roles/account-roles';
import { EventSourcedAuthenticator } from './session/event-sourced-authenticator';

/**
 * Session authentication from the event store, for every service that serves users of an account
 * (the users service, and the projections service in front of its read models). Global: a runtime
 * imports it once and every module's guards can authenticate.
 */
@Global()
@Module({
  providers: [
    { provide: StateCache, useFactory: (store: EventStore) => new StateCache(store), inject: [EventStore] },
    { provide: Authenticator, useClass: EventSourcedAuthenticator },
    AccountRoles,
    AuthenticatedGuard,
  ],
  exports: [Authenticator, StateCache, AccountRoles, AuthenticatedGuard],
})
export class UsersAuthModule {}
