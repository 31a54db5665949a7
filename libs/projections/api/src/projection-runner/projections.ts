import { Topics } from '@gatehouse/contracts';
import type { StoredEvent } from '@gatehouse/contracts';
import type { Projection } from '@gatehouse/read-model-kit';
import { invitesListProjection } from '@gatehouse/invites-list';
import { usersListProjection } from '@gatehouse/users-list';

/** Every projection this service keeps, and the topics that carry their events. */
export const projections: readonly Projection<StoredEvent>[] = [usersListProjection, invitesListProjection];
export const projectedTopics: readonly string[] = [Topics.users, Topics.roles, Topics.invites];

export abstract class ProjectionsConfig {
  /** The consumer group of this deployment's projectors: instances sharing it share the partitions. */
  abstract readonly groupId: string;
  /** Asks for POST /v1/read-models/rebuild. */
  abstract readonly operatorToken: string;
  /** How long an old generation outlives a switch (exports still reading it); default five minutes. */
  abstract readonly rebuildGraceMs?: number;
}
