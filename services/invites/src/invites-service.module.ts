import { openEventStore } from '@gatehouse/distributed-stores';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DistributedEnv } from '@gatehouse/config';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { PostgresDeliveryLog } from '@gatehouse/event-store-postgres';
import {
  IDENTITY_CONFIG,
  identityConfig,
  IdentityModule,
  type IdentitySecrets,
  internalCallToken,
} from '@gatehouse/identity';
import {
  ACCEPT_INVITE_PAGE,
  InviteeUsers,
  InviteeUsersOverHttp,
  InvitesApiModule,
  InvitesConfig,
} from '@gatehouse/invites-api';
import { StreamOwners } from '@gatehouse/contracts';
import { DeliveryLog, DeliveryPolicy, Notifier, readDeliveryPolicy } from '@gatehouse/notifications';
import { type MailSettings, notifierFor } from '@gatehouse/notifications-smtp';
import {
  meteredEventStore,
  meteredNotifier,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { ReadModelStore } from '@gatehouse/read-models';
import { RedisReadModelStore } from '@gatehouse/read-models-redis';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import { Pool } from 'pg';

/**
 * The invites service process: PostgreSQL event store and secrets (invite token hashes), the users list in
 * Redis read-only (is an email already a user's?), and the users service for the invitee's user.
 */
@Module({})
export class InvitesServiceModule {
  static register(
    env: DistributedEnv,
    secrets: IdentitySecrets,
    mail: MailSettings,
    usersUrl: string,
  ): DynamicModule {
    return {
      module: InvitesServiceModule,
      global: true,
      imports: [
        OperationsModule.register('invites', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore) => ({ checks: [storeReadiness(store)] }),
          inject: [EventStore],
        }),
        IdentityModule,
        InvitesApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          useFactory: async (metrics: Metrics) =>
            meteredEventStore(
              ownedStreams(await openEventStore(env, 10), [...StreamOwners.invites, ...StreamOwners.edge]),
              metrics,
            ),
          inject: [Metrics],
        },
        {
          provide: SecretStore,
          useFactory: () =>
            PostgresSecretStore.open(new Pool({ connectionString: env.pgUrl, max: 4 }), env.pgSchema),
        },
        {
          provide: ReadModelStore,
          useFactory: () => new RedisReadModelStore(env.redisUrl, { keyPrefix: env.redisPrefix }),
        },
        {
          provide: Notifier,
          useFactory: (metrics: Metrics) => meteredNotifier(notifierFor(mail), metrics),
          inject: [Metrics],
        },
        ...identityConfig(secrets),
        // Its tables come with the store's migrations, so the store is opened first.
        {
          provide: DeliveryLog,
          useFactory: () => PostgresDeliveryLog.connect(env.pgUrl, env.pgSchema),
          inject: [EventStore],
        },
        { provide: DeliveryPolicy, useValue: readDeliveryPolicy(process.env) },
        {
          provide: InvitesConfig,
          useValue: {
            linkBase: `${mail.publicUrl}${ACCEPT_INVITE_PAGE}`,
            emailKey: secrets.reservationKey,
            testCrashAfterInviteeUser: process.env['GATEHOUSE_TEST_CRASH_AFTER_INVITEE_USER'] === '1',
          },
        },
        {
          provide: InviteeUsers,
          useValue: new InviteeUsersOverHttp(usersUrl, internalCallToken(secrets.sessionKey)),
        },
      ],
      exports: [
        EventStore,
        SecretStore,
        ReadModelStore,
        Notifier,
        ...IDENTITY_CONFIG,
        DeliveryLog,
        DeliveryPolicy,
        InvitesConfig,
        InviteeUsers,
      ],
    };
  }
}
