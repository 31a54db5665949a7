import { compareKeys } from './fold';

/** A stored row: its id and the columns writes have set. */
export type Row = Readonly<Record<string, unknown>> & { readonly id: string };

/** Inclusive bounds on a sort's key (not its member): rows whose key lies between them match. */
export interface KeyRange {
  readonly sort: string;
  readonly min: string;
  readonly max: string;
}

/**
 * One page of one account's rows. Every predicate must hold: the search prefix matches a search term,
 * the row is in at least one set of each `anyOf` group, its keys lie in every range.
 */
export interface RowQuery {
  readonly accountId: string;
  /** A folded prefix; absent or empty matches every row. */
  readonly search?: string;
  /** Groups of `<set>:<value>` memberships: all groups must hold, any one set within a group. */
  readonly anyOf: readonly (readonly string[])[];
  readonly ranges: readonly KeyRange[];
  readonly sort: string;
  readonly descending: boolean;
  /** The member of the last row of the previous page: the page starts strictly after it. */
  readonly after?: string;
  readonly limit: number;
}

/** A row of a page: the row, its sort member (from which the caller makes the next cursor), its JSON. */
export interface PageRow {
  readonly row: Row;
  readonly member: string;
  /** The row as a JSON object text: a reader may pass it on without parsing it. */
  readonly json: string;
}

/** A page's row kept as the JSON text a store gave, parsed the first time it is read as an object. */
export class JsonPageRow implements PageRow {
  private parsed?: Row;

  constructor(
    readonly member: string,
    readonly json: string,
  ) {}

  get row(): Row {
    return (this.parsed ??= JSON.parse(this.json) as Row);
  }
}

export interface RowPage {
  readonly rows: readonly PageRow[];
  /**
   * Rows matching the predicates, whatever the page. With `totalIsAtLeast`, a lower bound: the matches the
   * store found from the page's start on (rows before `after` not included).
   */
  readonly total: number;
  /** Set when counting every match exactly would cost more than a page may (see the store adapter). */
  readonly totalIsAtLeast?: true;
  readonly more: boolean;
  /**
   * With `more`: the member the next page starts after. A store may answer fewer rows than the limit when
   * matches are sparse (it bounds the rows one page examines), so this can lie past the last row.
   */
  readonly next?: string;
}

/** Does `member` come strictly after `after` in the query's direction? */
export function isAfter(member: string, after: string | undefined, descending: boolean): boolean {
  if (after === undefined) return true;
  const order = compareKeys(member, after);
  return descending ? order < 0 : order > 0;
}

/** Bounds one page, so a query stays one modest round trip on every adapter. */
export const maxQueryLimit = 1000;

export function assertLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxQueryLimit) {
    throw new RangeError(`query limit must be an integer from 1 to ${maxQueryLimit}, got ${limit}`);
  }
}
