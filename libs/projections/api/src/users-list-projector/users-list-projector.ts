import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Subscription, EventSubscriber } from '@gatehouse/bus';
import { Topics } from '@gatehouse/contracts';
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const topics = [Topics.users, Topics.roles];
    this.subscription = await this.subscriber.subscribe({ groupId: this.config.groupId, topics }, (batch) =>
      this.readModel.apply(batch.flatMap((event) => usersListProjection.project(event))),
    );
    this.logger.log(`projecting ${topics.join(', ')} as group ${this.config.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }
}
