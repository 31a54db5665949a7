import type { NewEvent } from '@gatehouse/contracts';
import {
  type AppendResult,
  NO_STREAM,
  START,
  type StoredAt,
  type StreamAppend,
  type StreamFound,
} from '@gatehouse/event-store';
import type { QueryConfig } from 'pg';
import type { NotStored } from './event-rows';
import type { EventSql } from './event-sql';

/** One row per stream of a multi-append: its version before the call, its last new event's checkpoint. */
export interface StreamHeadRow {
  version: string;
  checkpoint: string | null;
}

export interface InspectMultiRow {
  versions: string[];
  stored: (StoredAt | NotStored)[];
}

/**
 * Streams as two arrays (ids, expected versions), events as one array per column plus where each belongs
 * (1-based); when every stream is new and gets events, the statement that reads no head and its ids alone.
 */
export function appendMultiStatement(sql: EventSql, appends: readonly StreamAppend[]): QueryConfig {
  const events = appends.flatMap(({ events: own }, stream) =>
    own.map((event, index) => ({ event, stream: stream + 1, n: index + 1 })),
  );
  const column = (pick: (event: NewEvent) => unknown) => events.map(({ event }) => pick(event));
  const streamIds = appends.map((append) => append.streamId);
  const allNew = appends.every((append) => append.expectedVersion === NO_STREAM && append.events.length > 0);
  return {
    name: allNew ? 'gh_append_multi_first' : 'gh_append_multi',
    text: allNew ? sql.appendMultiFirst : sql.appendMulti,
    values: [
      ...(allNew
        ? [streamIds]
        : [
            streamIds,
            appends.map(({ expectedVersion }) => (expectedVersion === 'any' ? null : expectedVersion)),
          ]),
      events.map((row) => row.stream),
      events.map((row) => row.n),
      column((event) => event.eventId),
      column((event) => event.type),
      column((event) => event.schemaVersion),
      column((event) => event.accountId),
      column((event) => event.occurredAt),
      column((event) => event.actor),
      column((event) => event.correlationId),
      column((event) => event.causationId),
      column((event) => event.traceparent ?? null),
      column((event) => JSON.stringify(event.data)),
    ],
  };
}

/** The call's results, or undefined when some stream was not at its expected version (nothing written). */
export function appendMultiResults(
  appends: readonly StreamAppend[],
  rows: readonly StreamHeadRow[],
): AppendResult[] | undefined {
  const versions = rows.map((row) => Number(row.version));
  const stale = appends.some(
    ({ expectedVersion }, index) => expectedVersion !== 'any' && expectedVersion !== versions[index],
  );
  if (stale) return undefined;
  return appends.map(({ events }, index) => ({
    nextExpectedVersion: versions[index] + events.length,
    checkpoint: rows[index].checkpoint ?? START,
  }));
}

export function inspectMultiStatement(sql: EventSql, appends: readonly StreamAppend[]): QueryConfig {
  return {
    name: 'gh_inspect_multi',
    text: sql.inspectMulti,
    values: [
      appends.map((append) => append.streamId),
      appends.flatMap((append) => append.events.map((event) => event.eventId)),
    ],
  };
}

/** The inspection split back into streams, in input order. */
export function foundStreams(appends: readonly StreamAppend[], row: InspectMultiRow): StreamFound[] {
  let next = 0;
  return appends.map(({ events }, index) => {
    const stored = row.stored.slice(next, next + events.length);
    next += events.length;
    return {
      version: Number(row.versions[index]),
      stored: stored.map((at) => (at.streamId === null ? undefined : at)),
    };
  });
}
