import type { ReadModelDeclaration, Row, RowPage, RowQuery, RowWrite } from '@gatehouse/read-model-kit';

/**
 * Port: every declared read model, each kept in numbered generations. One generation is current and
 * serves; a rebuild fills a fresh one and switches to it. Methods without a `generation` use the current
 * one (apply creates generation 1 when there is none yet).
 * - apply() is idempotent per row and source stream: a write at or below the last position applied
 *   from its stream to that row is skipped; the check, the row and its index entries change in one
 *   atomic step. Calls made before the previous one resolved are applied in call order (a rebuild
 *   projects its next batch while the store applies the last one).
 * - Only rows whose `listedBy` column is set are queried, counted or returned by get(); writes to other
 *   rows (a role toggled before the user's creation arrives) are kept for when it is set.
 * - query() reads one account, never across accounts; rows with equal sort keys are ordered by id.
 */
export abstract class ReadModelStore {
  abstract apply(
    model: ReadModelDeclaration,
    writes: readonly RowWrite[],
    generation?: number,
  ): Promise<void>;
  /**
   * Bulk writes for a rebuild, into a generation that is not current and that only this caller writes,
   * in store order (so every write is newer than the last from its stream: positions are recorded, not
   * checked). Rows are kept with their positions but not indexed until indexLoaded(), which must run
   * before the generation takes apply(), query() or switchTo(); calls apply in call order, as apply()'s do.
   */
  abstract load(model: ReadModelDeclaration, writes: readonly RowWrite[], generation: number): Promise<void>;
  /** Indexes every row load() wrote to `generation`, in one pass; afterwards it is an ordinary one. */
  abstract indexLoaded(model: ReadModelDeclaration, generation: number): Promise<void>;
  abstract query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage>;
  /**
   * Every row matching `query`, in its order, at most `batch` rows at a time, all from one generation, in
   * memory bounded by the batch: for exports of any size. With `columns`, rows carry only those (and id).
   * Rows that do not change while it runs are each given exactly once, as cursor paging promises.
   */
  abstract scan(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch?: number,
    columns?: readonly string[],
  ): AsyncGenerator<Row[]>;
  /**
   * As scan(), but each batch as one UTF-8 text: its rows' CSV lines (csvLine of the model's `csv` cells),
   * so an export can pass the bytes on as they are; a store may keep each row's line ready.
   */
  abstract scanCsv(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch?: number,
  ): AsyncGenerator<Buffer>;
  abstract get(
    model: ReadModelDeclaration,
    accountId: string,
    rowId: string,
    generation?: number,
  ): Promise<Row | null>;
  abstract count(model: ReadModelDeclaration, accountId: string, generation?: number): Promise<number>;
  /** The generation serving now; null before any. */
  abstract current(model: ReadModelDeclaration): Promise<number | null>;
  /** A new, empty generation number, never used before. */
  abstract createGeneration(model: ReadModelDeclaration): Promise<number>;
  /** Makes `generation` current in one atomic step. */
  abstract switchTo(model: ReadModelDeclaration, generation: number): Promise<void>;
  abstract dropGeneration(model: ReadModelDeclaration, generation: number): Promise<void>;
  /**
   * Keeps `generations` from sweep() until `until` (ms since the epoch): the processes serving, building or
   * exporting a generation hold it, and renew their hold while they do. A hold is only ever extended.
   */
  abstract hold(model: ReadModelDeclaration, generations: readonly number[], until: number): Promise<void>;
  /**
   * Drops every generation held once whose hold ended before `now`, but the one this declaration serves;
   * a generation never held is never swept. Another declaration of the model (a deployment's previous or
   * next version) that served a dropped generation serves none after it, and rebuilds. Returns the numbers
   * dropped.
   */
  abstract sweep(model: ReadModelDeclaration, now: number): Promise<number[]>;
  /** Forgets every generation of the model (tests and operators). */
  abstract clear(model: ReadModelDeclaration): Promise<void>;
  abstract close(): Promise<void>;
}
