import { type DynamicModule, Module } from '@nestjs/common';
import { EventSubscriber } from '@gatehouse/bus';
import { ensureTopics, KafkaEventSubscriber } from '@gatehouse/bus-kafka';
import { type DistributedEnv } from '@gatehouse/config';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { PostgresEventStore } from '@gatehouse/event-store-postgres';
import { ProjectionsApiModule, ProjectionsConfig } from '@gatehouse/projections-api';
import { UsersListReadModel } from '@gatehouse/read-models';
import { RedisUsersListReadModel } from '@gatehouse/read-models-redis';
import { IdentityModule, SessionConfig } from '@gatehouse/identity';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import { Kafka, logLevel } from 'kafkajs';
import { Topics } from '@gatehouse/contracts';
import {
  KafkaOperations,
  OperationsModule,
  ReadinessChecks,
  readinessCheck,
  storeReadiness,
} from '@gatehouse/operations';

/**
 * The projections process: Kafka consumer group → Redis read models, and their HTTP API. It reads the
 * event store only to authenticate callers (sessions and roles are judged by the store, never stale).
 */
@Module({})
export class ProjectionsServiceModule {
  static register(env: DistributedEnv, session: SessionConfig): DynamicModule {
    const kafka = new Kafka({
      clientId: 'gatehouse-projections',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.ERROR,
    });
    const groupId = `${env.topicPrefix}gatehouse-projections`;
    const topics = [Topics.users, Topics.roles].map((topic) => env.topicPrefix + topic);
    const bus = new KafkaOperations(kafka, { groupId, topics });
    return {
      module: ProjectionsServiceModule,
      global: true,
      imports: [
        OperationsModule.register('projections', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore, readModel: UsersListReadModel) => ({
            checks: [
              storeReadiness(store),
              readinessCheck('read-model', async () => {
                await readModel.count('readiness-probe');
              }),
              bus,
            ],
          }),
          inject: [EventStore, UsersListReadModel],
        }),
        IdentityModule,
        ProjectionsApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          // Read-only: it authenticates callers from the store and owns no stream.
          useFactory: async () =>
            ownedStreams(
              await PostgresEventStore.open({
                connectionString: env.pgUrl,
                schema: env.pgSchema,
                poolSize: 10,
              }),
              [],
            ),
        },
        {
          provide: EventSubscriber,
          useFactory: async () => {
            await ensureTopics(kafka, env.topicPrefix);
            // Read-model writes are atomic and idempotent per stream position, so partitions may be
            // handled side by side: one at a time added ~15 ms (p50) to create-to-listed (bench/).
            return new KafkaEventSubscriber(kafka, {
              topicPrefix: env.topicPrefix,
              partitionsConsumedConcurrently: 6,
            });
          },
        },
        {
          provide: UsersListReadModel,
          useFactory: () => new RedisUsersListReadModel(env.redisUrl, { keyPrefix: env.redisPrefix }),
        },
        { provide: SessionConfig, useValue: session },
        // API keys are found by their hash here: every service authenticates them (identity lib).
        { provide: SecretStore, useFactory: () => PostgresSecretStore.connect(env.pgUrl, env.pgSchema) },
        { provide: ProjectionsConfig, useValue: { groupId } },
        { provide: KafkaOperations, useValue: bus },
      ],
      exports: [
        EventStore,
        EventSubscriber,
        UsersListReadModel,
        SecretStore,
        SessionConfig,
        ProjectionsConfig,
      ],
    };
  }
}
