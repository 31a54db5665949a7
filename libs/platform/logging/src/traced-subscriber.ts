import { EventSubscriber, type SubscribeOptions, type Subscription } from '@gatehouse/bus';
import type { StoredEvent } from '@gatehouse/contracts';
import { tracedBatch } from './batch-trace';
import type { ServiceLogger } from './service-logger';

/**
 * A subscriber whose handler runs inside each batch's trace and logs the batch it handled: composition
 * wraps the bus adapter with it, so neither the adapter nor the projections know about logging.
 */
export class TracedSubscriber extends EventSubscriber {
  constructor(
    private readonly inner: EventSubscriber,
    private readonly logger: ServiceLogger,
  ) {
    super();
  }

  subscribe(
    options: SubscribeOptions,
    handle: (batch: readonly StoredEvent[]) => Promise<void>,
  ): Promise<Subscription> {
    return this.inner.subscribe(options, (batch) =>
      tracedBatch(this.logger.child({ groupId: options.groupId }), 'events handled', batch, () =>
        handle(batch),
      ),
    );
  }
}
