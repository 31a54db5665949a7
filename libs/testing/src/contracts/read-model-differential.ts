import type { StoredEvent } from '@gatehouse/contracts';
import type { Projection, RowQuery } from '@gatehouse/read-model-kit';
import { InMemoryReadModelStore, type ReadModelStore } from '@gatehouse/read-models';

/** A query without its account and start: the differential contracts page through it from the first row. */
export type QueryShape = Omit<RowQuery, 'accountId' | 'after'>;

/**
 * Every page of the query, each after the previous one's `next` (or last row): ids, and the first total.
 * `between(k)` runs after page k when another follows (the writes of the paging-under-writes check).
 */
export async function pagesOf(
  store: ReadModelStore,
  projection: Projection<StoredEvent>,
  accountId: string,
  shape: QueryShape,
  between?: (page: number) => Promise<void>,
) {
  const ids: string[] = [];
  let first: { total: number; atLeast: boolean; rows: number } | undefined;
  let after: string | undefined;
  for (let pages = 0; pages < 500; pages++) {
    const page = await store.query(projection.declaration, { ...shape, accountId, after });
    first ??= { total: page.total, atLeast: page.totalIsAtLeast === true, rows: page.rows.length };
    ids.push(...page.rows.map(({ row }) => row.id));
    if (!page.more) return { ids, first };
    after = page.next ?? page.rows.at(-1)?.member;
    await between?.(pages);
  }
  throw new Error('no last page after 500');
}

/** Gives `store` the history as a live projector (apply) or a rebuild (load, index, switch) would. */
export async function given(
  store: ReadModelStore,
  projection: Projection<StoredEvent>,
  history: 'applied' | 'loaded',
  events: readonly StoredEvent[],
): Promise<void> {
  const { declaration } = projection;
  const writes = events.flatMap(projection.project);
  if (history === 'applied') return store.apply(declaration, writes);
  const generation = await store.createGeneration(declaration);
  await store.load(declaration, writes, generation);
  await store.indexLoaded(declaration, generation);
  await store.switchTo(declaration, generation);
}

/** The CSV an export of the query gives, in batches of the page size (exports take paths of their own). */
async function exported(
  store: ReadModelStore,
  projection: Projection<StoredEvent>,
  accountId: string,
  shape: QueryShape,
) {
  const { limit, ...rest } = shape;
  const generation = (await store.current(projection.declaration)) as number;
  const chunks: string[] = [];
  for await (const lines of store.scanCsv(projection.declaration, { ...rest, accountId }, generation, limit))
    chunks.push(lines.toString());
  return chunks.join('');
}

/**
 * Each query's rows, first total and (when the model exports) CSV on `store` against the in-memory
 * store's, both given the same history: `store` as `history` says, the in-memory store applied.
 */
export async function agrees(
  store: ReadModelStore,
  projection: Projection<StoredEvent>,
  history: 'applied' | 'loaded',
  accountId: string,
  events: readonly StoredEvent[],
  shapes: readonly QueryShape[],
): Promise<void> {
  const reference = new InMemoryReadModelStore();
  await store.clear(projection.declaration);
  await given(reference, projection, 'applied', events);
  await given(store, projection, history, events);
  for (const shape of shapes) {
    const expected = await pagesOf(reference, projection, accountId, shape);
    const actual = await pagesOf(store, projection, accountId, shape);
    expect({ shape, ids: actual.ids }).toEqual({ shape, ids: expected.ids });
    if (!actual.first.atLeast) expect(actual.first.total).toBe(expected.ids.length);
    else {
      expect(actual.first.total).toBeLessThanOrEqual(expected.ids.length);
      expect(actual.first.total).toBeGreaterThanOrEqual(actual.first.rows);
    }
    if (projection.declaration.csv === undefined) continue;
    expect({ shape, csv: await exported(store, projection, accountId, shape) }).toEqual({
      shape,
      csv: await exported(reference, projection, accountId, shape),
    });
  }
}

/** fast-check's settings for the differential contracts: seeded, so a run repeats; FC_SEED and FC_RUNS vary it. */
export const propertySettings = (runs: number) => ({
  numRuns: Number(process.env['FC_RUNS'] ?? runs),
  seed: Number(process.env['FC_SEED'] ?? 20261206),
});
