import { type DynamicModule, Module } from '@nestjs/common';
import { type DistributedEnv } from '@gatehouse/config';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { Notifier } from '@gatehouse/notifications';
import {
  meteredEventStore,
  meteredNotifier,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import {
  DEFAULT_RESET_TTL_MINUTES,
  OperatorConfig,
  PasswordResetConfig,
  ReservationConfig,
  UsersApiModule,
} from '@gatehouse/users-api';
import { IdentityModule, SessionConfig } from '@gatehouse/identity';
import { Pool } from 'pg';
import { type MailSettings, notifierFor } from '@gatehouse/notifications-smtp';

/** What the users service appends to: users, their username reservations and accounts. */
const USERS_SERVICE_STREAMS = ['user-', 'username-', 'account-'];

/** The users service process: PostgreSQL event store and secrets; it never talks to Kafka (the relay does). */
@Module({})
export class UsersServiceModule {
  static register(
    env: DistributedEnv,
    secrets: SessionConfig & OperatorConfig & ReservationConfig,
    mail: MailSettings,
  ): DynamicModule {
    return {
      module: UsersServiceModule,
      global: true,
      imports: [
        OperationsModule.register('users', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore) => ({ checks: [storeReadiness(store)] }),
          inject: [EventStore],
        }),
        IdentityModule,
        UsersApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          useFactory: async (metrics: Metrics) =>
            meteredEventStore(
              ownedStreams(
                await PostgresEventStore.open({
                  connectionString: env.pgUrl,
                  schema: env.pgSchema,
                  poolSize: 20,
                }),
                USERS_SERVICE_STREAMS,
              ),
              metrics,
            ),
          inject: [Metrics],
        },
        {
          provide: SecretStore,
          useFactory: () =>
            PostgresSecretStore.open(new Pool({ connectionString: env.pgUrl, max: 4 }), env.pgSchema),
        },
        { provide: SessionConfig, useValue: secrets },
        { provide: OperatorConfig, useValue: secrets },
        { provide: ReservationConfig, useValue: secrets },
        {
          provide: Notifier,
          useFactory: (metrics: Metrics) => meteredNotifier(notifierFor(mail), metrics),
          inject: [Metrics],
        },
        {
          provide: PasswordResetConfig,
          useValue: { linkBase: `${mail.publicUrl}/reset-password`, ttlMinutes: DEFAULT_RESET_TTL_MINUTES },
        },
      ],
      exports: [
        EventStore,
        SecretStore,
        SessionConfig,
        OperatorConfig,
        ReservationConfig,
        Notifier,
        PasswordResetConfig,
      ],
    };
  }
}
