import { compareKeys, type ReadModelDeclaration, sortKey, sortMember } from '@gatehouse/read-model-kit';

/** A row as the in-memory store keeps it. */
export interface StoredRow {
  columns: Record<string, unknown>;
  /** Folded keys of the indexed columns (see columnKeys). */
  keys: Record<string, string>;
  /** Last position applied to this row, per source stream. */
  readonly positions: Map<string, number>;
}

export interface SortedEntry {
  readonly id: string;
  readonly row: StoredRow;
  readonly member: string;
}

export const listed = (model: ReadModelDeclaration, row: StoredRow): boolean =>
  row.columns[model.listedBy] !== undefined;

/**
 * One account's listed rows in each sort's order: made by the first query in that sort, then kept in order
 * as writes change rows (a binary search and a splice per write and sort). Sorting the account again at the
 * first query after each write made a list page's cost grow with the account (n log n string comparisons):
 * embedded mode's first page fell from about 1,250 to 370 a second at C=16 once the peers bench's warm-up
 * had written some 30,000 users.
 */
export class SortedRows {
  private readonly bySort = new Map<string, SortedEntry[]>();

  constructor(
    private readonly model: ReadModelDeclaration,
    private readonly rows: ReadonlyMap<string, StoredRow>,
  ) {}

  inOrder(sort: string): readonly SortedEntry[] {
    let entries = this.bySort.get(sort);
    if (entries === undefined) {
      entries = [...this.rows]
        .filter(([, row]) => listed(this.model, row))
        .map(([id, row]) => ({ id, row, member: this.memberOf(sort, id, row) as string }))
        .sort((a, b) => compareKeys(a.member, b.member));
      this.bySort.set(sort, entries);
    }
    return entries;
  }

  /** The row's member in each sort kept (undefined where it is not listed): what `moved` is given after a write. */
  membersOf(rowId: string): (string | undefined)[] {
    const row = this.rows.get(rowId);
    return [...this.bySort.keys()].map((sort) => row && this.memberOf(sort, rowId, row));
  }

  /** Puts the row where it now sorts in each sort kept, `before` being its members ahead of the write. */
  moved(rowId: string, before: readonly (string | undefined)[]): void {
    const row = this.rows.get(rowId);
    if (row === undefined) return;
    let index = 0;
    for (const [sort, entries] of this.bySort) {
      const was = before[index++];
      const now = this.memberOf(sort, rowId, row);
      if (was === now) continue;
      if (was !== undefined) entries.splice(lowerBound(entries, was), 1);
      if (now !== undefined) entries.splice(lowerBound(entries, now), 0, { id: rowId, row, member: now });
    }
  }

  private memberOf(sort: string, rowId: string, row: StoredRow): string | undefined {
    return listed(this.model, row) ? sortMember(sortKey(this.model, sort, row.keys), rowId) : undefined;
  }
}

/** The index of the first entry that sorts at or after `member` (entries in ascending order). */
export function lowerBound(entries: readonly SortedEntry[], member: string): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKeys(entries[middle].member, member) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}
