import type { NewEvent, StoredEvent } from '@gatehouse/contracts';
import {
  type AppendResult,
  type ExpectedVersion,
  InvalidCheckpoint,
  NO_STREAM,
  START,
} from '@gatehouse/event-store';
import type { QueryConfig } from 'pg';
import type { EventSql } from './event-sql';

/** Between the store's rows and the envelope: parameters in, rows and checkpoints out. */
export interface EventRow {
  event_id: string;
  stream_id: string;
  stream_position: string;
  type: string;
  schema_version: number;
  account_id: string;
  occurred_at: Date;
  actor: string;
  correlation_id: string;
  causation_id: string | null;
  traceparent: string | null;
  data: unknown;
  global_position: string;
  checkpoint: string;
}

/** What json_build_object makes of the LEFT JOIN's missing row. */
export interface NotStored {
  streamId: null;
}

export interface AppendedRow {
  stream_position: string;
  checkpoint: string;
}

/** The append statement's parameters: scalars for one event, one array per column for several. */
export function appendStatement(
  sql: EventSql,
  streamId: string,
  events: readonly NewEvent[],
  expectedVersion: ExpectedVersion,
): QueryConfig {
  const rows = events.map((event) => [
    event.eventId,
    event.type,
    event.schemaVersion,
    event.accountId,
    event.occurredAt,
    event.actor,
    event.correlationId,
    event.causationId,
    event.traceparent ?? null,
    JSON.stringify(event.data),
  ]);
  if (rows.length === 1 && expectedVersion === NO_STREAM)
    return { name: 'gh_append_first', text: sql.appendFirst, values: [streamId, ...rows[0]] };
  const head = [streamId, expectedVersion === 'any' ? null : expectedVersion];
  if (rows.length === 1) return { name: 'gh_append_one', text: sql.appendOne, values: [...head, ...rows[0]] };
  const columns = Array.from({ length: 10 }, (_, column) => rows.map((row) => row[column]));
  return { name: 'gh_append_many', text: sql.appendMany, values: [...head, ...columns] };
}

export function appendResult(rows: AppendedRow[]): AppendResult {
  const last = rows.reduce((latest, row) =>
    Number(row.stream_position) > Number(latest.stream_position) ? row : latest,
  );
  return {
    nextExpectedVersion: Number(last.stream_position),
    checkpoint: last.checkpoint,
  };
}

/** A checkpoint is `<tx_id>:<global_position>` of the last event read; START is before transaction 0. */
export function parseCheckpoint(checkpoint: string): [string, string] {
  if (checkpoint === START) return ['0', '0'];
  const match = /^(\d{1,20}):(\d{1,19})$/.exec(checkpoint);
  // Past xid8's and bigint's ranges PostgreSQL would fail the read: refused here as never given.
  if (!match || BigInt(match[1]) >= 2n ** 64n || BigInt(match[2]) >= 2n ** 63n)
    throw new InvalidCheckpoint(checkpoint, 'PostgreSQL');
  return [match[1], match[2]];
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    accountId: row.account_id,
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    correlationId: row.correlation_id,
    causationId: row.causation_id,
    ...(row.traceparent === null ? {} : { traceparent: row.traceparent }),
    data: row.data,
    streamId: row.stream_id,
    streamPosition: Number(row.stream_position),
    globalPosition: Number(row.global_position),
    checkpoint: row.checkpoint,
  };
}
