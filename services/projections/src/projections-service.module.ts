import { openEventStore } from '@gatehouse/distributed-stores';
import { type DynamicModule, Module } from '@nestjs/common';
import { EventSubscriber } from '@gatehouse/bus';
import { ensureTopics, KafkaEventSubscriber } from '@gatehouse/bus-kafka';
import { type DistributedEnv } from '@gatehouse/config';
import { EventStore, ownedStreams } from '@gatehouse/event-store';
import { createServiceLogger, kafkaLogs, TracedSubscriber } from '@gatehouse/logging';
import {
  projectedTopics,
  ProjectionRunner,
  ProjectionsApiModule,
  ProjectionsConfig,
  readModelsReadiness,
} from '@gatehouse/projections-api';
import { ReadModelStore } from '@gatehouse/read-models';
import { RedisReadModelStore } from '@gatehouse/read-models-redis';
import { IDENTITY_CONFIG, identityConfig, IdentityModule, type IdentitySecrets } from '@gatehouse/identity';
import { SecretStore } from '@gatehouse/secrets';
import { PostgresSecretStore } from '@gatehouse/secrets-postgres';
import { Kafka, logLevel } from 'kafkajs';
import { StreamOwners } from '@gatehouse/contracts';
import { KafkaOperations, OperationsModule, ReadinessChecks, storeReadiness } from '@gatehouse/operations';

/**
 * The projections process: Kafka consumer group → Redis read models, and their HTTP API. It reads the
 * event store only to authenticate callers (sessions and roles are judged by the store, never stale).
 */
@Module({})
export class ProjectionsServiceModule {
  static register(env: DistributedEnv, secrets: IdentitySecrets & { operatorToken: string }): DynamicModule {
    const logger = createServiceLogger('projections');
    const kafka = new Kafka({
      clientId: 'gatehouse-projections',
      brokers: env.kafkaBrokers,
      logLevel: logLevel.ERROR,
      logCreator: kafkaLogs(logger),
    });
    const groupId = `${env.topicPrefix}gatehouse-projections`;
    const topics = projectedTopics.map((topic) => env.topicPrefix + topic);
    const bus = new KafkaOperations(kafka, { groupId, topics });
    return {
      module: ProjectionsServiceModule,
      global: true,
      imports: [
        OperationsModule.register('projections', {
          provide: ReadinessChecks,
          useFactory: (store: EventStore, readModels: ReadModelStore, runner: ProjectionRunner) => ({
            checks: [storeReadiness(store), readModelsReadiness(readModels, runner), bus],
          }),
          inject: [EventStore, ReadModelStore, ProjectionRunner],
        }),
        IdentityModule,
        ProjectionsApiModule,
      ],
      providers: [
        {
          provide: EventStore,
          // It authenticates callers from the store and owns no stream of a context of its own: only the
          // refusals its edge records.
          useFactory: async () => ownedStreams(await openEventStore(env, 10), StreamOwners.edge),
        },
        {
          provide: EventSubscriber,
          useFactory: async () => {
            await ensureTopics(kafka, env.topicPrefix);
            // Read-model writes are atomic and idempotent per stream position, so partitions may be
            // handled side by side: one at a time added ~15 ms (p50) to create-to-listed (bench/).
            const kafkaSubscriber = new KafkaEventSubscriber(kafka, {
              topicPrefix: env.topicPrefix,
              partitionsConsumedConcurrently: 6,
              onError: (error) => logger.error({ err: error }, 'a handler failed; its batch will be retried'),
              sessionTimeoutMs: env.kafkaSessionTimeoutMs,
              heartbeatIntervalMs: env.kafkaHeartbeatIntervalMs,
            });
            return new TracedSubscriber(kafkaSubscriber, logger);
          },
        },
        {
          provide: ReadModelStore,
          useFactory: () => new RedisReadModelStore(env.redisUrl, { keyPrefix: env.redisPrefix }),
        },
        ...identityConfig(secrets),
        // API keys are found by their hash here: every service authenticates them (identity lib).
        { provide: SecretStore, useFactory: () => PostgresSecretStore.connect(env.pgUrl, env.pgSchema) },
        { provide: ProjectionsConfig, useValue: { groupId, operatorToken: secrets.operatorToken } },
        { provide: KafkaOperations, useValue: bus },
      ],
      exports: [
        EventStore,
        EventSubscriber,
        ReadModelStore,
        SecretStore,
        ...IDENTITY_CONFIG,
        ProjectionsConfig,
      ],
    };
  }
}
