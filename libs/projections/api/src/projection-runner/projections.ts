import { Topics } from '@gatehouse/contracts';
import type { StoredEvent } from '@gatehouse/contracts';
import type { Projection } from '@gatehouse/read-model-kit';
import { usersListProjection } from '@gatehouse/users-list';

/** Every projection this service keeps, and the topics that carry their events. */
export const projections: readonly Projection<StoredEvent>[] = [usersListProjection];
export const projectedTopics: readonly string[] = [Topics.users, Topics.roles];

/** The consumer group of this deployment's projectors: instances sharing it share the partitions. */
export abstract class ProjectionsConfig {
  abstract readonly groupId: string;
}
