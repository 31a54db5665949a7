import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EventPublisher, EventSubscriber, InProcessBus } from '@gatehouse/bus';
import { EventStore } from '@gatehouse/event-store';
import { FileOutboxNotifier, Notifier } from '@gatehouse/notifications';
import { SmtpNotifier } from '@gatehouse/notifications-smtp';
import {
  meteredEventStore,
  meteredNotifier,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { SqliteEventStore } from '@gatehouse/event-store-sqlite';
import {
  ProjectionRunner,
  ProjectionsApiModule,
  ProjectionsConfig,
  readModelsReadiness,
} from '@gatehouse/projections-api';
import { InMemoryReadModelStore, ReadModelStore } from '@gatehouse/read-models';
import { SecretStore } from '@gatehouse/secrets';
import { SqliteSecretStore } from '@gatehouse/secrets-sqlite';
import { InviteeUsers, InvitesApiModule, InvitesConfig } from '@gatehouse/invites-api';
import {
  CreateInvitedUserHandler,
  DEFAULT_RESET_TTL_MINUTES,
  OperatorConfig,
  LoginLimiters,
  memoryLoginLimiters,
  PasswordHashingConfig,
  PasswordResetConfig,
  ReservationConfig,
  UsersApiModule,
} from '@gatehouse/users-api';
import { IdentityModule, SessionConfig } from '@gatehouse/identity';
import { RolesApiModule } from '@gatehouse/roles-api';
import { AccessControlApiModule } from '@gatehouse/access-control-api';
import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import type { EmbeddedConfig } from './embedded-config';
import { EmbeddedRelay } from './embedded-relay';

/** Every service module in one process: SQLite file, in-process bus, in-memory read models. */
@Global()
@Module({})
export class EmbeddedModule {
  static register(config: EmbeddedConfig): DynamicModule {
    const databaseFile = join(config.dataDir, 'gatehouse.db');
    const bus = new InProcessBus();
    return {
      module: EmbeddedModule,
      global: true,
      imports: [
        OperationsModule.register('gatehouse', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore, readModels: ReadModelStore, runner: ProjectionRunner) => ({
            checks: [storeReadiness(store), readModelsReadiness(readModels, runner)],
          }),
          inject: [EventStore, ReadModelStore, ProjectionRunner],
        }),
        IdentityModule,
        // Before the users API: its GET users/:userId would otherwise take users/export.csv.
        ProjectionsApiModule,
        UsersApiModule,
        RolesApiModule,
        InvitesApiModule,
        AccessControlApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          useFactory: async (metrics: Metrics) =>
            meteredEventStore(await SqliteEventStore.open({ filename: databaseFile }), metrics),
          inject: [Metrics],
        },
        {
          provide: SecretStore,
          useFactory: () => new SqliteSecretStore(new Sqlite(databaseFile, { timeout: 5000 })),
        },
        { provide: EventPublisher, useValue: bus },
        { provide: EventSubscriber, useValue: bus },
        { provide: ReadModelStore, useValue: new InMemoryReadModelStore() },
        { provide: SessionConfig, useValue: { sessionKey: config.sessionKey, clock: config.clock } },
        { provide: OperatorConfig, useValue: { operatorToken: config.operatorToken } },
        { provide: ReservationConfig, useValue: { reservationKey: config.reservationKey } },
        { provide: PasswordHashingConfig, useValue: config.passwordHashing },
        { provide: LoginLimiters, useValue: memoryLoginLimiters(config.loginLimits) },
        {
          provide: Notifier,
          useFactory: (metrics: Metrics) =>
            meteredNotifier(
              config.smtp ? new SmtpNotifier(config.smtp) : new FileOutboxNotifier(config.outboxDir),
              metrics,
            ),
          inject: [Metrics],
        },
        {
          provide: PasswordResetConfig,
          useValue: { linkBase: `${config.publicUrl}/reset-password`, ttlMinutes: DEFAULT_RESET_TTL_MINUTES },
        },
        {
          provide: ProjectionsConfig,
          useValue: { groupId: 'embedded-projections', operatorToken: config.operatorToken },
        },
        {
          provide: InvitesConfig,
          useValue: { linkBase: `${config.publicUrl}/accept-invite`, emailKey: config.reservationKey },
        },
        // In one process the invites context calls the users context's handler in place of HTTP.
        {
          provide: InviteeUsers,
          useFactory: (handler: CreateInvitedUserHandler): InviteeUsers => ({
            create: (request, context) => handler.handle(request, context),
          }),
          inject: [CreateInvitedUserHandler],
        },
        EmbeddedRelay,
      ],
      exports: [
        EventStore,
        SecretStore,
        EventPublisher,
        EventSubscriber,
        ReadModelStore,
        SessionConfig,
        OperatorConfig,
        ReservationConfig,
        LoginLimiters,
        PasswordHashingConfig,
        Notifier,
        PasswordResetConfig,
        ProjectionsConfig,
        InvitesConfig,
        InviteeUsers,
      ],
    };
  }
}
