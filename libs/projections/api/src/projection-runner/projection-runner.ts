import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Subscription, EventSubscriber } from '@gatehouse/bus';
import type { StoredEvent } from '@gatehouse/contracts';
import { EventStore } from '@gatehouse/event-store';
import { Metrics } from '@gatehouse/operations';
import { ReadModelStore } from '@gatehouse/read-models';
import { projectedTopics, projections, ProjectionsConfig } from './projections';
import { batchesOfATurn } from './batches-of-a-turn';
import { GenerationKeeper, HOLD_MS } from './generation-keeper';
import { ReadModelRebuild, type RebuildStatus } from './read-model-rebuild';
import { SwitchLock } from './switch-lock';

/**
 * Feeds every declared read model from the bus, each through its projection's pure reducers, into the
 * store's serving generation, and rebuilds them from the store on demand — and at start when a model has
 * no generation yet (embedded mode's in-memory store, a fresh Redis), live batches waiting for none
 * meanwhile. Live writes are applied under the switch lock's shared side, so a rebuild's switch sees none
 * in flight. The store dedupes by stream position, so a batch delivered again after a crash (offsets not
 * yet committed) changes nothing. The batches handed over in one turn (the partitions of one fetch) are
 * applied as one (batchesOfATurn). Every third of HOLD_MS it holds the generations it serves or builds and
 * sweeps those nobody holds (GenerationKeeper).
 */
@Injectable()
export class ProjectionRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('projection-runner');
  private readonly lock = new SwitchLock();
  private readonly rebuilds: ReadModelRebuild;
  private readonly keeper: GenerationKeeper;
  private keeping?: NodeJS.Timeout;
  private subscription?: Subscription;
  private readonly projectTurn = batchesOfATurn((batch: readonly StoredEvent[]) => this.project(batch));

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly store: ReadModelStore,
    events: EventStore,
    private readonly config: ProjectionsConfig,
    private readonly metrics: Metrics,
  ) {
    this.rebuilds = new ReadModelRebuild(events, store, projections, this.lock, {
      graceMs: config.rebuildGraceMs,
    });
    this.keeper = new GenerationKeeper(store, projections, this.rebuilds, () => void this.rebuild());
  }

  get status(): RebuildStatus {
    return this.rebuilds.status;
  }

  async onApplicationBootstrap(): Promise<void> {
    const missing = await Promise.all(
      projections.map(async (p) => (await this.store.current(p.declaration)) === null),
    );
    if (missing.some(Boolean)) void this.rebuild();
    this.subscription = await this.subscriber.subscribe(
      { groupId: this.config.groupId, topics: [...projectedTopics] },
      (batch) => this.lock.shared(() => this.projectTurn(batch)),
    );
    this.logger.log(`projecting ${projectedTopics.join(', ')} as group ${this.config.groupId}`);
    await this.keep();
    this.keeping = setInterval(() => void this.keep(), HOLD_MS / 3).unref();
  }

  /** Rebuilds every read model in the background, or joins the rebuild running; failures are logged. */
  rebuild(): Promise<void> {
    this.logger.log('rebuilding the read models from the store');
    return this.rebuilds.run().then(
      () => this.logger.log(`read models rebuilt from ${this.rebuilds.status.replayedEvents} events`),
      (error: unknown) =>
        this.logger.error(`rebuild failed: ${error instanceof Error ? error.stack : String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.keeping);
    await this.subscription?.close();
    await this.rebuilds.close();
  }

  /** Holds and sweeps (see GenerationKeeper); a failure is logged and the next round tries again. */
  private async keep(): Promise<void> {
    try {
      const swept = await this.keeper.keep(Date.now());
      for (const [name, generations] of Object.entries(swept))
        this.logger.log(`swept ${name} generations ${generations.join(', ')}: no process holds them`);
    } catch (error) {
      this.logger.error(
        `holding generations failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  private async project(batch: readonly StoredEvent[]): Promise<void> {
    const now = Date.now();
    for (const projection of projections) {
      const writes = batch.flatMap(projection.project);
      // None of its events: no round trip to learn its generation. No generation yet: the start-up
      // rebuild is replaying the store, which holds these events too.
      const generation = writes.length === 0 ? null : await this.store.current(projection.declaration);
      if (generation !== null) await this.store.apply(projection.declaration, writes, generation);
      for (const event of batch) {
        const lag = Math.max(0, (now - Date.parse(event.occurredAt)) / 1000);
        this.metrics.projectionLag.observe({ projection: projection.declaration.name }, lag);
      }
    }
  }
}
