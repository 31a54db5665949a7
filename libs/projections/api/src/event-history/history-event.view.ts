import type { StoredEvent } from '@gatehouse/contracts';

/**
 * An event as auditors read it: the envelope and its data, as stored (events carry no secret, see
 * docs/adr/20261129-secrets-outside-events.md), without the store's own order keys.
 */
export interface HistoryEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly occurredAt: string;
  readonly actor: string;
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly data: unknown;
}

export interface HistoryPage {
  readonly events: readonly HistoryEvent[];
  /** Null when this page reached the newest event. */
  readonly nextCursor: string | null;
}

export const historyEvent = (event: StoredEvent): HistoryEvent => ({
  eventId: event.eventId,
  type: event.type,
  schemaVersion: event.schemaVersion,
  streamId: event.streamId,
  streamPosition: event.streamPosition,
  occurredAt: event.occurredAt,
  actor: event.actor,
  correlationId: event.correlationId,
  causationId: event.causationId,
  data: event.data,
});
