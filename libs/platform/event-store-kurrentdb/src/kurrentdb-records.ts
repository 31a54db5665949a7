import type { NewEvent, StoredEvent } from '@gatehouse/contracts';
import { InvalidCheckpoint, START } from '@gatehouse/event-store';
import { type EventData, jsonEvent, type Position } from '@kurrent/kurrentdb-client';

/**
 * Where a deployment's data lives on a shared server: its events in streams `<namespace>:<streamId>`, its
 * snapshots and checkpoints under `<namespace>~…`, which the events' prefix does not match, so a read of
 * the global order filtered by that prefix sees the events alone.
 */
export class StreamNames {
  readonly eventsPrefix: string;

  constructor(readonly namespace: string) {
    if (namespace === '' || namespace.startsWith('$') || /[:~]/.test(namespace))
      throw new Error(`a KurrentDB namespace is not empty, starts with no '$' and holds no ':' or '~'`);
    this.eventsPrefix = `${namespace}:`;
  }

  events(streamId: string): string {
    return `${this.eventsPrefix}${streamId}`;
  }

  /** Whether a stream of the server's holds this namespace's events. */
  holds(streamName: string): boolean {
    return streamName.startsWith(this.eventsPrefix);
  }

  streamIdOf(streamName: string): string {
    return streamName.slice(this.eventsPrefix.length);
  }

  snapshot(streamId: string, view: string): string {
    return `${this.namespace}~snapshot:${view}:${streamId}`;
  }

  checkpoint(name: string): string {
    return `${this.namespace}~checkpoint:${name}`;
  }
}

/** The envelope's fields beside type and data, kept as the event's metadata. */
interface EnvelopeMetadata {
  readonly schemaVersion: number;
  readonly accountId: string;
  readonly occurredAt: string;
  readonly actor: NewEvent['actor'];
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly traceparent?: string;
}

export function toEventData(event: NewEvent): EventData {
  const metadata: EnvelopeMetadata = {
    schemaVersion: event.schemaVersion,
    accountId: event.accountId,
    occurredAt: event.occurredAt,
    actor: event.actor,
    correlationId: event.correlationId,
    causationId: event.causationId,
    ...(event.traceparent === undefined ? {} : { traceparent: event.traceparent }),
  };
  // One string: the server's multi-stream appends take metadata as a map of strings only.
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as never,
    metadata: { envelope: JSON.stringify(metadata) },
  });
}

/** What a read gives of a recorded event: the client's RecordedEvent, as much as this adapter reads. */
export interface Recorded {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly position?: Position;
}

export function toStoredEvent(recorded: Recorded, names: StreamNames): StoredEvent {
  if (!recorded.position) throw new Error(`event ${recorded.id} was read without its position`);
  const metadata = JSON.parse((recorded.metadata as { envelope: string }).envelope) as EnvelopeMetadata;
  return {
    eventId: recorded.id,
    type: recorded.type,
    schemaVersion: metadata.schemaVersion,
    accountId: metadata.accountId,
    occurredAt: metadata.occurredAt,
    actor: metadata.actor,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    ...(metadata.traceparent === undefined ? {} : { traceparent: metadata.traceparent }),
    data: recorded.data,
    streamId: names.streamIdOf(recorded.streamId),
    streamPosition: Number(recorded.revision),
    // Each event has a log position of its own (commit = prepare), in the order of $all.
    globalPosition: Number(recorded.position.prepare),
    checkpoint: checkpointOf(recorded.position),
  };
}

/** A log position as a checkpoint: `<commit>/<prepare>`, both decimal. */
export function checkpointOf(position: Position): string {
  return `${position.commit}/${position.prepare}`;
}

/** A checkpoint's log position, undefined for START; InvalidCheckpoint for one this store never gave. */
export function positionOf(checkpoint: string): Position | undefined {
  if (checkpoint === START) return undefined;
  const match = /^(\d{1,20})\/(\d{1,20})$/.exec(checkpoint);
  if (!match) throw new InvalidCheckpoint(checkpoint, 'KurrentDB');
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export function samePosition(a: Position, b: Position): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}
