import type { AppendResult, ExpectedVersion } from './event-store.port';

/** Where an already stored event sits: enough to recognise a retried append. */
export interface StoredAt {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly checkpoint: string;
}

/**
 * Tells a retried append (its acknowledgement was lost) from a conflicting one, given where each of its
 * event ids is already stored (`undefined` for an id not stored). An exact retry — every id stored, in
 * this stream, at consecutive positions right after the expected version — gets the original result;
 * no id stored means this is no retry; anything else is a conflict the caller rejects.
 */
export function matchRetry(
  streamId: string,
  expectedVersion: ExpectedVersion,
  stored: readonly (StoredAt | undefined)[],
): AppendResult | 'conflict' | undefined {
  if (stored.every((at) => at === undefined)) return undefined;
  const first = stored[0];
  if (!first) return 'conflict';
  const start = expectedVersion === 'any' ? first.streamPosition : expectedVersion + 1;
  const exact = stored.every(
    (at, index) => at !== undefined && at.streamId === streamId && at.streamPosition === start + index,
  );
  const last = stored[stored.length - 1];
  return exact && last
    ? { nextExpectedVersion: last.streamPosition, checkpoint: last.checkpoint }
    : 'conflict';
}
