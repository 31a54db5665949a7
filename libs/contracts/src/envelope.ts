/**
 * The envelope every Gatehouse event travels in, in the store and on Kafka.
 * Positions are numbers: JavaScript integers are exact to 2^53, far beyond any store we run.
 */
export type Actor = string;

/** What a command handler asks the store to append; the store assigns positions. */
export interface NewEvent<T extends string = string, D = unknown> {
  readonly eventId: string;
  readonly type: T;
  readonly schemaVersion: number;
  readonly accountId: string;
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId: string;
  readonly causationId: string | null;
  /**
   * The W3C trace context of the request that caused the event (CloudEvents distributed-tracing
   * extension, `ce_traceparent` on Kafka); absent on events stored before it was kept.
   */
  readonly traceparent?: string;
  readonly data: D;
}

/** An event as read back from the store. `checkpoint` resumes a global read right after it. */
export interface StoredEvent<T extends string = string, D = unknown> extends NewEvent<T, D> {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly checkpoint: string;
}

/** The domain-facing part of an event: what a decider returns and what evolve consumes. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}
