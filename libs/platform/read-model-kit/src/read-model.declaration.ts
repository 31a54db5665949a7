/**
 * A read model declared as data, next to the reducers that feed it: which columns are indexed and how.
 * One store adapter (Redis or in memory) serves every declaration; nothing here knows a database.
 *
 * - `columns`: the indexed columns and how each is keyed — `text` folds case and accents, `time` (an ISO
 *   instant or null) becomes a fixed-width millisecond key where null ("never") sorts first.
 * - `sets`: filters. `value` puts the row in one set per column value, `each` in one per element of a
 *   list column (read as [] on a row that never had it), `present` in the set `yes` while the column is
 *   not null.
 * - `sorts`: orders over one or more indexed columns (joined by a space); ties break by row id.
 * - `search`: groups of text columns whose joined value, and each of its words onwards, is a prefix term.
 * - `listedBy`: a row is listed, counted and returned once a write has set this column.
 * - `csv`: the cells of a row's line in a CSV export (see csv-line.ts); a store may keep each line ready.
 * - `joined`: fields every read of a row carries beside its columns, each the texts of its columns as a CSV
 *   cell joins them (the users list's `name`); see read-fields.ts.
 */
export interface ReadModelDeclaration {
  readonly name: string;
  readonly listedBy: string;
  readonly columns: Readonly<Record<string, 'text' | 'time'>>;
  readonly sets: Readonly<Record<string, SetIndex>>;
  readonly sorts: Readonly<Record<string, readonly string[]>>;
  readonly defaultSort: string;
  readonly search: readonly (readonly string[])[];
  readonly csv?: readonly CsvCell[];
  readonly joined?: Readonly<Record<string, readonly string[]>>;
}

/**
 * One cell of a CSV line: the texts of `columns` (a string as it is, a list's items joined by "; ", null
 * or absent empty), joined by a space and, when several, trimmed of ASCII whitespace; or `whenSet.text`
 * while that column is set (not null).
 */
export interface CsvCell {
  readonly header: string;
  readonly columns: readonly string[];
  readonly whenSet?: { readonly column: string; readonly text: string };
}

export interface SetIndex {
  readonly column: string;
  readonly kind: 'value' | 'each' | 'present';
}

/** The event a write came from; adapters skip a write at or below the last position of its stream. */
export interface WriteSource {
  readonly streamId: string;
  readonly streamPosition: number;
}

/** Sets columns of a row. */
export interface UpsertRow {
  readonly kind: 'upsert';
  readonly accountId: string;
  readonly rowId: string;
  readonly columns: Readonly<Record<string, unknown>>;
  readonly source: WriteSource;
}

/** Adds or removes one item of a list column; an item already present keeps its place. */
export interface ToggleItem {
  readonly kind: 'toggle';
  readonly accountId: string;
  readonly rowId: string;
  readonly column: string;
  readonly item: string;
  readonly present: boolean;
  readonly source: WriteSource;
}

export type RowWrite = UpsertRow | ToggleItem;

/** A projection: the declaration of its read model and a pure function from one event to its writes. */
export interface Projection<Event> {
  readonly declaration: ReadModelDeclaration;
  readonly handles: readonly string[];
  readonly project: (event: Event) => RowWrite[];
}
