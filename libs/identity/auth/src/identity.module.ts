import { Global, Module } from '@nestjs/common';
import { EventStore, StateCache, type StreamReader } from '@gatehouse/event-store';
import { AuthenticatedGuard, Authenticator } from '@gatehouse/http';
import { Grants } from './grants';
import { InternalCallGuard } from './internal-call';
import { EventSourcedAuthenticator } from './session/event-sourced-authenticator';

/**
 * Session authentication for every service (users, roles, projections, …): principals come from the
 * users' and roles' streams, read through a read-only port, so a service authenticates without being
 * able to write another context's streams. Global: a runtime imports it once and every guard can use it.
 */
@Global()
@Module({
  providers: [
    {
      provide: StateCache,
      useFactory: (store: StreamReader) => new StateCache(store),
      inject: [EventStore],
    },
    { provide: Authenticator, useClass: EventSourcedAuthenticator },
    Grants,
    AuthenticatedGuard,
    InternalCallGuard,
  ],
  exports: [Authenticator, StateCache, Grants, AuthenticatedGuard, InternalCallGuard],
})
export class IdentityModule {}
