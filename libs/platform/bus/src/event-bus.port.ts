import type { StoredEvent } from '@gatehouse/contracts';

/**
 * Publishes stored events downstream. `publish` resolves only once every event is durably
 * acknowledged (Kafka: acks=all), so a relay may then commit its checkpoint. Delivery is
 * at-least-once: consumers dedupe by (streamId, streamPosition).
 */
export abstract class EventPublisher {
  abstract publish(events: readonly StoredEvent[]): Promise<void>;
  abstract close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Consumers sharing a group id share the work; each group sees every event. */
  readonly groupId: string;
  readonly topics: readonly string[];
}

export interface Subscription {
  close(): Promise<void>;
}

/**
 * Delivers published events to a handler, per key in order. Progress (offsets) is committed only
 * after the handler's promise resolves; a handler that throws sees the same events again. An adapter may
 * commit later than that (Kafka's does at most once a second, and on close), so a subscriber that dies
 * hands its last handled events to the next one again: handlers dedupe, as for any redelivery.
 */
export abstract class EventSubscriber {
  abstract subscribe(
    options: SubscribeOptions,
    handle: (batch: readonly StoredEvent[]) => Promise<void>,
  ): Promise<Subscription>;
}
