import { openEventStore } from '@gatehouse/distributed-stores';
import { type DynamicModule, Module } from '@nestjs/common';
import { type DistributedEnv } from '@gatehouse/config';
import { StreamOwners } from '@gatehouse/contracts';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { IDENTITY_CONFIG, identityConfig, IdentityModule, type IdentitySecrets } from '@gatehouse/identity';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import {
  meteredEventStore,
  Metrics,
  OperationsModule,
  ReadinessChecks,
  storeReadiness,
} from '@gatehouse/operations';
import { RolesApiModule } from '@gatehouse/roles-api';

/** The roles service process: PostgreSQL event store; it reads users' streams only to authenticate. */
@Module({})
export class RolesServiceModule {
  static register(env: DistributedEnv, secrets: IdentitySecrets): DynamicModule {
    return {
      module: RolesServiceModule,
      global: true,
      imports: [
        OperationsModule.register('roles', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore) => ({ checks: [storeReadiness(store)] }),
          inject: [EventStore],
        }),
        IdentityModule,
        RolesApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          useFactory: async (metrics: Metrics) =>
            meteredEventStore(
              ownedStreams(await openEventStore(env, 10), [...StreamOwners.roles, ...StreamOwners.edge]),
              metrics,
            ),
          inject: [Metrics],
        },
        ...identityConfig(secrets),
        // API keys are found by their hash here: every service authenticates them (identity lib).
        { provide: SecretStore, useFactory: () => PostgresSecretStore.connect(env.pgUrl, env.pgSchema) },
      ],
      exports: [EventStore, SecretStore, ...IDENTITY_CONFIG],
    };
  }
}
