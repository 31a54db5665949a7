import { InvalidInput } from '@gatehouse/http';
import type { Row, RowPage, RowQuery } from '@gatehouse/read-model-kit';
import { type CursorPosition, decodeCursor, encodeCursor, InvalidCursor } from '@gatehouse/read-models';

type Shape = Omit<RowQuery, 'limit' | 'after'>;

/** Where a page of `shape` starts; a cursor of another query, edited or truncated, is a 400 naming it. */
export function startAfter(shape: Shape, cursor: string): CursorPosition {
  try {
    return decodeCursor(shape, cursor);
  } catch (error) {
    if (!(error instanceof InvalidCursor)) throw error;
    throw new InvalidInput([{ field: 'cursor', rule: 'isValidCursor', message: error.message }]);
  }
}

/** A list page as the API answers it: its items, the next page's cursor and the total of the matches. */
export interface ListPage<Item> {
  readonly items: Item[];
  /** Null when this page is the last one. */
  readonly nextCursor: string | null;
  /** Rows matching the search and filters, over all pages; with `totalIsAtLeast`, at least that many. */
  readonly total: number;
  /**
   * True when counting every match would cost more than a page may (a broad search at scale): `total` is
   * then a lower bound. Absent when `total` is exact. See docs/adr (list totals).
   */
  readonly totalIsAtLeast?: true;
}

/** The store's page of `shape`, read from `start`, as the API's page of items made by `item`. */
export function listPage<Item>(
  shape: Shape,
  start: CursorPosition | undefined,
  page: RowPage,
  item: (row: Row) => Item,
): ListPage<Item> {
  return { items: page.rows.map(({ row }) => item(row)), ...pageEnd(shape, start, page) };
}

/**
 * As listPage, the rows as the items, as the JSON text the API answers: the rows' JSON goes out as the
 * store gave it, unparsed.
 */
export function listPageJson(shape: Shape, start: CursorPosition | undefined, page: RowPage): string {
  const end = JSON.stringify(pageEnd(shape, start, page));
  return `{"items":[${page.rows.map((row) => row.json).join(',')}],${end.slice(1)}`;
}

function pageEnd(
  shape: Shape,
  start: CursorPosition | undefined,
  page: RowPage,
): Omit<ListPage<never>, 'items'> {
  const next = page.next ?? page.rows.at(-1)?.member;
  const served = (start?.served ?? 0) + page.rows.length;
  return {
    nextCursor: page.more && next !== undefined ? encodeCursor(shape, { member: next, served }) : null,
    // A lower bound counts the matches after the cursor: the rows of earlier pages come on top.
    ...(page.totalIsAtLeast
      ? { total: (start?.served ?? 0) + page.total, totalIsAtLeast: true as const }
      : { total: page.total }),
  };
}
