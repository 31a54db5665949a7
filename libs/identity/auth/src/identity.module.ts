import { Global, Module } from '@nestjs/common';
import { EventStore, StateCache, type StreamReader } from '@gatehouse/event-store';
import { APP_GUARD } from '@nestjs/core';
import { AuthenticatedGuard, Authenticator, EdgeGuard } from '@gatehouse/http';
import { requestArrival } from '@gatehouse/logging';
import { ApiKeyCredentials } from './api-keys/api-key-credentials';
import { BasicAuthThrottle } from './basic-auth/basic-auth-throttle';
import { BasicCredentials } from './basic-auth/basic-credentials';
import { VerifiedPasswords } from './basic-auth/verified-passwords';
import { Grants } from './grants';
import { PasswordHasher } from './passwords/password-hasher';
import { AccessRefusalRecorder } from './refusals/access-refusal-recorder';
import { UsernameReservations } from './usernames/username-reservations';
import { InternalCallGuard } from './internal-call';
import { SessionConfig } from './session.config';
import { Clock, systemClock } from './session/clock';
import { EventSourcedAuthenticator } from './session/event-sourced-authenticator';
import { SessionActivity, StoredSessionActivity } from './session/session-activity';
import { SessionLiveness } from './session/session-liveness';

/**
 * Authentication for every service (users, roles, projections, access-control, …) by session token,
 * API key or HTTP basic credentials, with the user's IP safelist enforced here, at the one edge every
 * request passes (deny by default: EdgeGuard). Principals come from the users', roles' and access
 * controls' streams, read through a read-only port, so a service authenticates without being able to
 * write another context's streams. API keys are found by their hash in the SecretStore, which every
 * runtime binds, as are password hashes; a runtime also binds ReservationConfig and
 * PasswordHashingConfig (basic authentication finds and verifies users). Refusals of known users are
 * recorded on their `refusals-<userId>` streams, so every runtime's store owns `StreamOwners.edge`. Global: a runtime imports it
 * once and every guard can use it.
 */
@Global()
@Module({
  providers: [
    {
      provide: StateCache,
      useFactory: (store: StreamReader) => new StateCache(store, undefined, requestArrival),
      inject: [EventStore],
    },
    { provide: Authenticator, useClass: EventSourcedAuthenticator },
    Grants,
    ApiKeyCredentials,
    PasswordHasher,
    UsernameReservations,
    { provide: VerifiedPasswords, useFactory: () => new VerifiedPasswords() },
    BasicAuthThrottle,
    BasicCredentials,
    AccessRefusalRecorder,
    AuthenticatedGuard,
    InternalCallGuard,
    SessionLiveness,
    { provide: SessionActivity, useClass: StoredSessionActivity },
    {
      provide: Clock,
      useFactory: (config: SessionConfig): Clock => config.clock ?? systemClock,
      inject: [SessionConfig],
    },
    // Deny by default: every route of every runtime that imports this module needs a principal unless
    // it is marked @Public() or @GuardedBy() (docs/permissions.md).
    { provide: APP_GUARD, useClass: EdgeGuard },
  ],
  exports: [
    Authenticator,
    StateCache,
    Grants,
    ApiKeyCredentials,
    BasicCredentials,
    AccessRefusalRecorder,
    PasswordHasher,
    UsernameReservations,
    AuthenticatedGuard,
    InternalCallGuard,
    SessionLiveness,
    SessionActivity,
    Clock,
  ],
})
export class IdentityModule {}
