import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventPublisher } from '@gatehouse/bus';
import { EventStore } from '@gatehouse/event-store';
import { Metrics, recordRelayBatch } from '@gatehouse/operations';
import { runRelay } from '@gatehouse/relay';

/**
 * The relay inside the embedded process: SQLite → in-process bus. It starts from the beginning on every
 * launch, which is how the in-memory read models are rebuilt from the store.
 */
@Injectable()
export class EmbeddedRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('relay');
  private readonly controller = new AbortController();
  private running?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly publisher: EventPublisher,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    this.running = runRelay({
      store: this.store,
      publisher: this.publisher,
      checkpointName: 'embedded-relay',
      signal: this.controller.signal,
      durableCheckpoint: false,
      onBatch: recordRelayBatch(this.metrics),
    }).catch((error: unknown) => {
      this.logger.error(`relay stopped: ${error instanceof Error ? error.stack : String(error)}`);
      process.exitCode = 1;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.controller.abort();
    await this.running;
  }
}
