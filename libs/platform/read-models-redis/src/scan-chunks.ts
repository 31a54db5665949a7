import type { RowQuery } from '@gatehouse/read-model-kit';

/** Candidates one chunk examines at most, so no script run holds the server long. */
const SCAN_BUDGET = 5000;

/** One run of the scan script with the chunk's query as JSON: the next chunk's start (or null) and its text. */
export type ScanRun = (json: string) => Promise<[string | null, string]>;

/**
 * Walks the sort order in chunks from one generation, each chunk one script run that checks the
 * predicates and returns its rows as one text (see scanScript): the server is never held longer than
 * SCAN_BUDGET candidates, and memory stays at two chunks (the next is read while the caller takes this one).
 */
export async function* scanChunks(
  run: ScanRun,
  query: Omit<RowQuery, 'after' | 'limit'>,
  shape: { readonly limit: number; readonly columns?: readonly string[]; readonly csv?: true },
): AsyncGenerator<string> {
  const { search, anyOf, ranges, sort, descending } = query;
  const fixed = { search, anyOf, ranges, sort, desc: descending, budget: SCAN_BUDGET, ...shape };
  const chunk = (after?: string) => {
    const reply = run(JSON.stringify({ ...fixed, after }));
    // Read ahead, and awaited next round; a consumer stopping first must not leave its failure unhandled.
    reply.catch(() => undefined);
    return reply;
  };
  for (let pending = chunk(); ; ) {
    const [next, text] = await pending;
    if (next !== null) pending = chunk(next);
    yield text;
    if (next === null) return;
  }
}
