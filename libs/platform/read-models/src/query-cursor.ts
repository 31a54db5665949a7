import type { RowQuery } from '@gatehouse/read-model-kit';
import { createHash } from 'node:crypto';

/**
 * Opaque page cursors: the sort member of the last row served (and how many rows the pages so far gave,
 * which makes a lower-bound total grow from page to page), bound to the query it came from and
 * checksummed, so a cursor that was edited, truncated or carried to another query is refused instead of
 * silently paging from the wrong place. The member holds no secret (sort keys are the columns shown), so a
 * checksum suffices; it is not a signature.
 */
export class InvalidCursor extends Error {}

type Shape = Omit<RowQuery, 'after' | 'limit'>;

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** The query a cursor belongs to: everything but where the page starts and its size. */
const fingerprint = (query: Shape): string =>
  digest(
    JSON.stringify([
      query.accountId,
      query.search ?? '',
      query.anyOf,
      query.ranges,
      query.sort,
      query.descending,
    ]),
  );

/** Where a page starts: after `member`, with `served` rows of the query given by the pages before it. */
export interface CursorPosition {
  readonly member: string;
  readonly served: number;
}

export function encodeCursor(query: Shape, { member, served }: CursorPosition): string {
  const payload = Buffer.from(JSON.stringify({ m: member, n: served, q: fingerprint(query) })).toString(
    'base64url',
  );
  return `${payload}.${digest(payload)}`;
}

/** Where to start; InvalidCursor when the cursor was not made by encodeCursor for this query. */
export function decodeCursor(query: Shape, cursor: string): CursorPosition {
  const [payload, check, ...rest] = cursor.split('.');
  if (rest.length > 0 || !payload || check !== digest(payload))
    throw new InvalidCursor('cursor is not valid');
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor('cursor is not valid');
  }
  const { m, n, q } = (decoded ?? {}) as { m?: unknown; n?: unknown; q?: unknown };
  if (typeof m !== 'string' || !Number.isSafeInteger(n) || q !== fingerprint(query))
    throw new InvalidCursor('cursor belongs to another query');
  return { member: m, served: n as number };
}
