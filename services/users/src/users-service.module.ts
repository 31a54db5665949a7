import { type DynamicModule, Module } from '@nestjs/common';
import { type DistributedEnv } from '@gatehouse/config';
import { EventStore } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import { OperatorConfig, SessionConfig, UsersApiModule, UsersAuthModule } from '@gatehouse/users-api';
import { Pool } from 'pg';

/** The users service process: PostgreSQL event store and secrets; it never talks to Kafka (the relay does). */
@Module({})
export class UsersServiceModule {
  static register(env: DistributedEnv, secrets: SessionConfig & OperatorConfig): DynamicModule {
    return {
      module: UsersServiceModule,
      global: true,
      imports: [UsersAuthModule, UsersApiModule],
      providers: [
        {
          provide: EventStore,
          useFactory: () =>
            PostgresEventStore.open({ connectionString: env.pgUrl, schema: env.pgSchema, poolSize: 20 }),
        },
        {
          provide: SecretStore,
          useFactory: () =>
            PostgresSecretStore.open(new Pool({ connectionString: env.pgUrl, max: 4 }), env.pgSchema),
        },
        { provide: SessionConfig, useValue: secrets },
        { provide: OperatorConfig, useValue: secrets },
      ],
      exports: [EventStore, SecretStore, SessionConfig, OperatorConfig],
    };
  }
}
