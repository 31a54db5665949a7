import { openEventStore } from '@gatehouse/distributed-stores';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DistributedEnv } from '@gatehouse/config';
import { StreamOwners } from '@gatehouse/contracts';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { DeliveryLog, DeliveryPolicy, Notifier, readDeliveryPolicy } from '@gatehouse/notifications';
import {
  meteredEventStore,
  meteredNotifier,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { PostgresDeliveryLog } from '@gatehouse/event-store-postgres';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import {
  DEFAULT_RESET_TTL_MINUTES,
  OperatorConfig,
  LoginLimiters,
  PasswordResetConfig,
  redisLoginLimiters,
  UsersApiModule,
} from '@gatehouse/users-api';
import {
  IDENTITY_CONFIG,
  identityConfig,
  IdentityModule,
  type IdentitySecrets,
  readLoginLimits,
} from '@gatehouse/identity';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import { type MailSettings, notifierFor } from '@gatehouse/notifications-smtp';

/** The users service process: PostgreSQL event store and secrets; it never talks to Kafka (the relay does). */
@Module({})
export class UsersServiceModule {
  static register(
    env: DistributedEnv,
    secrets: IdentitySecrets & OperatorConfig,
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
              ownedStreams(await openEventStore(env, 20), [...StreamOwners.users, ...StreamOwners.edge]),
              metrics,
            ),
          inject: [Metrics],
        },
        {
          provide: SecretStore,
          useFactory: () =>
            PostgresSecretStore.open(new Pool({ connectionString: env.pgUrl, max: 4 }), env.pgSchema),
        },
        ...identityConfig(secrets),
        { provide: OperatorConfig, useValue: secrets },
        {
          provide: LoginLimiters,
          useFactory: () =>
            redisLoginLimiters(new Redis(env.redisUrl), env.redisPrefix, readLoginLimits(process.env)),
        },
        {
          provide: Notifier,
          useFactory: (metrics: Metrics) => meteredNotifier(notifierFor(mail), metrics),
          inject: [Metrics],
        },
        // Its tables come with the store's migrations, so the store is opened first.
        {
          provide: DeliveryLog,
          useFactory: () => PostgresDeliveryLog.connect(env.pgUrl, env.pgSchema),
          inject: [EventStore],
        },
        { provide: DeliveryPolicy, useValue: readDeliveryPolicy(process.env) },
        {
          provide: PasswordResetConfig,
          useValue: { publicUrl: mail.publicUrl, ttlMinutes: DEFAULT_RESET_TTL_MINUTES },
        },
      ],
      exports: [
        EventStore,
        SecretStore,
        ...IDENTITY_CONFIG,
        OperatorConfig,
        LoginLimiters,
        Notifier,
        DeliveryLog,
        DeliveryPolicy,
        PasswordResetConfig,
      ],
    };
  }
}
