import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Subscription, EventSubscriber } from '@gatehouse/bus';
import type { StoredEvent } from '@gatehouse/contracts';
import { Metrics } from '@gatehouse/operations';
import { ReadModelStore } from '@gatehouse/read-models';
import { projectedTopics, projections, ProjectionsConfig } from './projections';

/**
 * Feeds every declared read model from the bus, each through its projection's pure reducers, into the
 * store's serving generation. The store dedupes by stream position, so a batch delivered again after a
 * crash (offsets not yet committed) changes nothing.
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projection-runner');
  private subscription?: Subscription;

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly store: ReadModelStore,
    private readonly config: ProjectionsConfig,
    private readonly metrics: Metrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await this.subscriber.subscribe(
      { groupId: this.config.groupId, topics: [...projectedTopics] },
      (batch) => this.project(batch),
    );
    this.logger.log(`projecting ${projectedTopics.join(', ')} as group ${this.config.groupId}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  private async project(batch: readonly StoredEvent[]): Promise<void> {
    const now = Date.now();
    for (const projection of projections) {
      await this.store.apply(projection.declaration, batch.flatMap(projection.project));
      for (const event of batch) {
        const lag = Math.max(0, (now - Date.parse(event.occurredAt)) / 1000);
        this.metrics.projectionLag.observe({ projection: projection.declaration.name }, lag);
      }
    }
  }
}
