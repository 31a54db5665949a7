import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Subscription, EventSubscriber } from '@gatehouse/bus';
import { Topics } from '@gatehouse/contracts';
import { Metrics } from '@gatehouse/operations';
import { UsersListReadModel } from '@gatehouse/read-models';
import { usersListProjection } from '@gatehouse/users-list';

/** The consumer group of this deployment's projectors: instances sharing it share the partitions. */
export abstract class ProjectionsConfig {
  abstract readonly groupId: string;
}

/**
 * Feeds the users list from the bus. The read model dedupes by stream position, so a batch delivered
 * again after a crash (offsets not yet committed) changes nothing.
 */
@Injectable()
export class UsersListProjector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('users-list-projector');
  private subscription?: Subscription;

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly readModel: UsersListReadModel,
    private readonly config: ProjectionsConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = [Topics.users, Topics.roles];
    this.subscription = await this.subscriber.subscribe(
      { groupId: this.config.groupId, topics },
      async (batch) => {
        await this.readModel.apply(batch.flatMap((event) => usersListProjection.project(event)));
        const now = Date.now();
        for (const event of batch) {
          const lag = Math.max(0, (now - Date.parse(event.occurredAt)) / 1000);
          this.metrics.projectionLag.observe({ projection: usersListProjection.name }, lag);
        }
      },
    );
    this.logger.log(`projecting ${topics.join(', ')} as group ${this.config.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
