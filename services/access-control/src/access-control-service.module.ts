import { openEventStore } from '@gatehouse/distributed-stores';
import { type DynamicModule, Module } from '@nestjs/common';
import { AccessControlApiModule, ServiceTokenConfig } from '@gatehouse/access-control-api';
import { type DistributedEnv } from '@gatehouse/config';
import { StreamOwners } from '@gatehouse/contracts';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { IDENTITY_CONFIG, identityConfig, IdentityModule, type IdentitySecrets } from '@gatehouse/identity';
import {
  meteredEventStore,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';

/** What the access-control service appends to: one stream per user (`access-<userId>`). */

/**
 * The access-control service process: PostgreSQL event store and secret store (API key hashes); it reads
 * users' and roles' streams only to authenticate and to check a key's owner.
 */
@Module({})
export class AccessControlServiceModule {
  static register(env: DistributedEnv, secrets: IdentitySecrets & ServiceTokenConfig): DynamicModule {
    return {
      module: AccessControlServiceModule,
      global: true,
      imports: [
        OperationsModule.register('access-control', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore) => ({ checks: [storeReadiness(store)] }),
          inject: [EventStore],
        }),
        IdentityModule,
        AccessControlApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          useFactory: async (metrics: Metrics) =>
            meteredEventStore(
              ownedStreams(await openEventStore(env, 10), [...StreamOwners.access, ...StreamOwners.edge]),
              metrics,
            ),
          inject: [Metrics],
        },
        {
          provide: SecretStore,
          useFactory: () => PostgresSecretStore.connect(env.pgUrl, env.pgSchema),
        },
        ...identityConfig(secrets),
        { provide: ServiceTokenConfig, useValue: { serviceToken: secrets.serviceToken } },
      ],
      exports: [EventStore, SecretStore, ...IDENTITY_CONFIG, ServiceTokenConfig],
    };
  }
}
