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
import { ProjectionsApiModule, ProjectionsConfig } from '@gatehouse/projections-api';
import { InMemoryUsersListReadModel, UsersListReadModel } from '@gatehouse/read-models';
import { SecretStore } from '@gatehouse/secrets';
import { SqliteSecretStore } from '@gatehouse/secrets-sqlite';
import {
  DEFAULT_RESET_TTL_MINUTES,
  OperatorConfig,
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
          useFactory: (store: EventStore) => ({ checks: [storeReadiness(store)] }),
          inject: [EventStore],
        }),
        IdentityModule,
        UsersApiModule,
        RolesApiModule,
        AccessControlApiModule,
        ProjectionsApiModule,
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
        { provide: UsersListReadModel, useValue: new InMemoryUsersListReadModel() },
        { provide: SessionConfig, useValue: { sessionKey: config.sessionKey } },
        { provide: OperatorConfig, useValue: { operatorToken: config.operatorToken } },
        { provide: ReservationConfig, useValue: { reservationKey: config.reservationKey } },
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
        { provide: ProjectionsConfig, useValue: { groupId: 'embedded-projections' } },
        EmbeddedRelay,
      ],
      exports: [
        EventStore,
        SecretStore,
        EventPublisher,
        EventSubscriber,
        UsersListReadModel,
        SessionConfig,
        OperatorConfig,
        ReservationConfig,
        Notifier,
        PasswordResetConfig,
        ProjectionsConfig,
      ],
    };
  }
}
