import { noticeNamesOf } from '@gatehouse/contracts';
import { type AppendResult, START, type StreamAppend, WrongExpectedVersion } from './event-store.port';
import { matchRetry, type StoredAt } from './idempotent-retry';

/** What a store finds for one stream of a multi-append: its version, and where each event id is stored. */
export interface StreamFound {
  readonly version: number;
  readonly stored: readonly (StoredAt | undefined)[];
}

/**
 * Rejects a call naming a stream twice (which of its versions would hold?) or holding an event id twice:
 * such an append could never be written, and a store that retries on a unique violation would loop.
 */
export function assertDistinctAppends(appends: readonly StreamAppend[]): void {
  const streams = new Set(appends.map((append) => append.streamId));
  if (streams.size < appends.length) throw new Error('a multi-append names a stream more than once');
  const ids = appends.flatMap((append) => append.events.map((event) => event.eventId));
  if (new Set(ids).size < ids.length) throw new Error('a multi-append holds an event id more than once');
}

/** What the append notice of a multi-append names (contracts' noticeNamesOf of each event). */
export function noticeNamesOfAppends(appends: readonly StreamAppend[]): string[] {
  return appends.flatMap(({ events }) => events.flatMap(noticeNamesOf));
}

/**
 * Judges a multi-append against what is stored (`found`, in input order), as `matchRetry` does one
 * stream's: the original results when it is an exact retry of a stored call, `WrongExpectedVersion`
 * thrown when it conflicts or a stream is not at its expected version, undefined when it may be written.
 * A call is a retry only if every stream with events matches; some events stored and others not is a
 * conflict, named after the first stream whose events are stored.
 */
export function checkMultiAppend(
  appends: readonly StreamAppend[],
  found: readonly StreamFound[],
): AppendResult[] | undefined {
  const matches = appends.map((append, index) =>
    matchRetry(append.streamId, append.expectedVersion, found[index].stored),
  );
  const wrong = (index: number) =>
    new WrongExpectedVersion(appends[index].streamId, appends[index].expectedVersion, found[index].version);
  const firstStored = matches.findIndex((match) => match !== undefined);
  if (firstStored >= 0) {
    const conflict = matches.indexOf('conflict');
    const missing = matches.findIndex(
      (match, index) => match === undefined && appends[index].events.length > 0,
    );
    if (conflict >= 0 || missing >= 0) throw wrong(conflict >= 0 ? conflict : firstStored);
    // A version-only stream of a retried call passed its check then: answer what the call answered.
    return matches.map((match, index) => {
      if (match !== undefined && match !== 'conflict') return match;
      const { expectedVersion } = appends[index];
      const version = expectedVersion === 'any' ? found[index].version : expectedVersion;
      return { nextExpectedVersion: version, checkpoint: START };
    });
  }
  const stale = appends.findIndex(
    ({ expectedVersion }, index) => expectedVersion !== 'any' && expectedVersion !== found[index].version,
  );
  if (stale >= 0) throw wrong(stale);
  return undefined;
}
