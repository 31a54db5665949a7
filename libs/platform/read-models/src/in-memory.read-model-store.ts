import {
  assertLimit,
  columnKeys,
  compareKeys,
  csvLine,
  isAfter,
  type PageRow,
  readFields,
  type ReadModelDeclaration,
  type Row,
  type RowPage,
  type RowQuery,
  type RowWrite,
  searchTerms,
  setMemberships,
  sortKey,
} from '@gatehouse/read-model-kit';
import { ReadModelStore } from './read-model.store';
import { listed, lowerBound, type SortedEntry, SortedRows, type StoredRow } from './sorted-rows';

type Generation = Map<string, Map<string, StoredRow>>;

interface ModelState {
  current: number | null;
  last: number;
  readonly generations: Map<number, Generation>;
  /** Until when each held generation is kept from sweep(), in ms since the epoch. */
  readonly holds: Map<number, number>;
}

/**
 * Reference adapter for unit tests and embedded mode: the port's semantics in plain maps. Its one index
 * is an account's listed rows in each sort's order (sorted-rows.ts): sorting every row on every query made
 * a first page cost 20 ms of CPU at 5,000 users (bench:peers), so embedded mode's list was slower than
 * Keycloak's. A query then only filters, in that order; one without predicates reads just its page.
 */
export class InMemoryReadModelStore extends ReadModelStore {
  private readonly models = new Map<string, ModelState>();
  /** Per account's rows (dropped with them): the listed rows in each sort's order. */
  private readonly sorted = new WeakMap<Map<string, StoredRow>, SortedRows>();

  async apply(model: ReadModelDeclaration, writes: readonly RowWrite[], generation?: number): Promise<void> {
    const rows = this.generation(model, generation ?? (await this.currentOrFirst(model)));
    for (const write of writes) {
      const account = rows.get(write.accountId);
      const sorted = account && this.sorted.get(account);
      const before = sorted?.membersOf(write.rowId);
      applyOne(model, rows, write);
      if (sorted && before) sorted.moved(write.rowId, before);
    }
  }

  /** This adapter keeps no indexes: loading is applying (positions are checked, and always pass). */
  load(model: ReadModelDeclaration, writes: readonly RowWrite[], generation: number): Promise<void> {
    return this.apply(model, writes, generation);
  }

  async indexLoaded(model: ReadModelDeclaration, generation: number): Promise<void> {
    this.generation(model, generation);
  }

  async query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage> {
    assertLimit(query.limit);
    const entries = this.inOrder(model, query.accountId, query.sort, generation);
    if (!query.search && query.anyOf.length === 0 && query.ranges.length === 0)
      return pageOf(model, entries, query);
    const page: SortedEntry[] = [];
    let total = 0;
    let more = false;
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[query.descending ? entries.length - 1 - index : index];
      if (!matches(model, query, entry.row)) continue;
      total++;
      if (!isAfter(entry.member, query.after, query.descending)) continue;
      if (page.length < query.limit) page.push(entry);
      else more = true;
    }
    return {
      rows: page.map(({ id, row, member }) => new ObjectPageRow(member, toRow(model, id, row))),
      total,
      more,
    };
  }

  async *scan(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
    columns?: readonly string[],
  ): AsyncGenerator<Row[]> {
    const pick = (row: Row): Row =>
      columns
        ? { ...Object.fromEntries(columns.flatMap((c) => (c in row ? [[c, row[c]]] : []))), id: row.id }
        : row;
    let after: string | undefined;
    for (let more = true; more; ) {
      const page = await this.query(model, { ...query, after, limit: batch }, generation);
      if (page.rows.length > 0) yield page.rows.map(({ row }) => pick(row));
      after = page.rows.at(-1)?.member;
      more = page.more;
    }
  }

  async *scanCsv(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
  ): AsyncGenerator<Buffer> {
    for await (const rows of this.scan(model, query, generation, batch))
      yield Buffer.from(rows.map((row) => csvLine(model, row)).join(''));
  }

  async get(model: ReadModelDeclaration, accountId: string, rowId: string, generation?: number) {
    const row = this.accountRows(model, accountId, generation)?.get(rowId);
    return row && listed(model, row) ? toRow(model, rowId, row) : null;
  }

  async count(model: ReadModelDeclaration, accountId: string, generation?: number): Promise<number> {
    return (await this.listed(model, accountId, generation)).length;
  }

  async current(model: ReadModelDeclaration): Promise<number | null> {
    return this.state(model).current;
  }

  async createGeneration(model: ReadModelDeclaration): Promise<number> {
    const state = this.state(model);
    state.last += 1;
    state.generations.set(state.last, new Map());
    return state.last;
  }

  async switchTo(model: ReadModelDeclaration, generation: number): Promise<void> {
    this.generation(model, generation);
    this.state(model).current = generation;
  }

  async dropGeneration(model: ReadModelDeclaration, generation: number): Promise<void> {
    const state = this.state(model);
    state.generations.delete(generation);
    state.holds.delete(generation);
  }

  async hold(model: ReadModelDeclaration, generations: readonly number[], until: number): Promise<void> {
    const { holds } = this.state(model);
    for (const generation of generations) holds.set(generation, Math.max(until, holds.get(generation) ?? 0));
  }

  async sweep(model: ReadModelDeclaration, now: number): Promise<number[]> {
    const state = this.state(model);
    const lapsed = [...state.holds].filter(
      ([generation, until]) => until < now && generation !== state.current,
    );
    for (const [generation] of lapsed) await this.dropGeneration(model, generation);
    return lapsed.map(([generation]) => generation);
  }

  async clear(model: ReadModelDeclaration): Promise<void> {
    this.models.delete(model.name);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private state(model: ReadModelDeclaration): ModelState {
    const existing = this.models.get(model.name);
    if (existing) return existing;
    const created: ModelState = { current: null, last: 0, generations: new Map(), holds: new Map() };
    this.models.set(model.name, created);
    return created;
  }

  private async currentOrFirst(model: ReadModelDeclaration): Promise<number> {
    const state = this.state(model);
    if (state.current === null) await this.switchTo(model, await this.createGeneration(model));
    return state.current as number;
  }

  private generation(model: ReadModelDeclaration, generation: number): Generation {
    const found = this.state(model).generations.get(generation);
    if (!found) throw new RangeError(`${model.name} has no generation ${generation}`);
    return found;
  }

  private async listed(model: ReadModelDeclaration, accountId: string, generation?: number) {
    return [...(this.accountRows(model, accountId, generation) ?? [])].filter(([, row]) =>
      listed(model, row),
    );
  }

  private accountRows(model: ReadModelDeclaration, accountId: string, generation?: number) {
    const number = generation ?? this.state(model).current;
    return number === null ? undefined : this.generation(model, number).get(accountId);
  }

  private inOrder(
    model: ReadModelDeclaration,
    accountId: string,
    sort: string,
    generation?: number,
  ): readonly SortedEntry[] {
    const rows = this.accountRows(model, accountId, generation);
    if (rows === undefined) return [];
    let sorted = this.sorted.get(rows);
    if (sorted === undefined) {
      sorted = new SortedRows(model, rows);
      this.sorted.set(rows, sorted);
    }
    return sorted.inOrder(sort);
  }
}

/** A query without predicates: every row matches, so its page starts where the cursor sorts. */
function pageOf(
  model: ReadModelDeclaration,
  entries: readonly SortedEntry[],
  { after, descending, limit }: RowQuery,
): RowPage {
  let page: readonly SortedEntry[];
  let more: boolean;
  if (descending) {
    const end = after === undefined ? entries.length : lowerBound(entries, after);
    page = entries.slice(Math.max(0, end - limit), end).reverse();
    more = end > limit;
  } else {
    let start = after === undefined ? 0 : lowerBound(entries, after);
    if (after !== undefined && start < entries.length && entries[start].member === after) start++;
    page = entries.slice(start, start + limit);
    more = start + limit < entries.length;
  }
  return {
    rows: page.map(({ id, row, member }) => new ObjectPageRow(member, toRow(model, id, row))),
    total: entries.length,
    more,
  };
}

function applyOne(model: ReadModelDeclaration, generation: Generation, write: RowWrite): void {
  const rows = generation.get(write.accountId) ?? new Map<string, StoredRow>();
  generation.set(write.accountId, rows);
  const row: StoredRow = rows.get(write.rowId) ?? { columns: {}, keys: {}, positions: new Map() };
  rows.set(write.rowId, row);
  const applied = row.positions.get(write.source.streamId);
  if (applied !== undefined && write.source.streamPosition <= applied) return;
  row.positions.set(write.source.streamId, write.source.streamPosition);
  if (write.kind === 'toggle') {
    const items = (row.columns[write.column] as string[] | undefined) ?? [];
    const kept = items.filter((item) => item !== write.item);
    const present = items.includes(write.item);
    row.columns = {
      ...row.columns,
      [write.column]: write.present ? (present ? items : [...items, write.item]) : kept,
    };
    return;
  }
  const columns = Object.fromEntries(
    Object.entries(write.columns).filter(([, value]) => value !== undefined),
  );
  row.columns = { ...row.columns, ...columns };
  row.keys = { ...row.keys, ...columnKeys(model, columns) };
}

function matches(model: ReadModelDeclaration, query: RowQuery, row: StoredRow): boolean {
  if (query.search && !searchTerms(model, row.keys).some((term) => term.startsWith(query.search as string)))
    return false;
  if (query.anyOf.length > 0) {
    const sets = new Set(setMemberships(model, row.columns));
    if (!query.anyOf.every((group) => group.some((set) => sets.has(set)))) return false;
  }
  return query.ranges.every((range) => {
    const key = sortKey(model, range.sort, row.keys);
    return compareKeys(key, range.min) >= 0 && compareKeys(key, range.max) <= 0;
  });
}

const toRow = (model: ReadModelDeclaration, id: string, row: StoredRow): Row => ({
  ...row.columns,
  ...readFields(model, row.columns),
  id,
});

/** A page's row as this store holds it, its JSON made only when a reader asks for it. */
class ObjectPageRow implements PageRow {
  constructor(
    readonly member: string,
    readonly row: Row,
  ) {}

  get json(): string {
    return JSON.stringify(this.row);
  }
}
