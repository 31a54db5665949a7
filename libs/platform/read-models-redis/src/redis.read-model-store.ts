import { ReadModelStore } from '@gatehouse/read-models';
import {
  assertLimit,
  JsonPageRow,
  type PageRow,
  type ReadModelDeclaration,
  readFields,
  type Row,
  type RowPage,
  type RowQuery,
  type RowWrite,
  rowIdOf,
} from '@gatehouse/read-model-kit';
import { type ChainableCommander, Redis } from 'ioredis';
import { applyScript } from './apply.script';
import { linesInOrder } from './lines-in-order';
import { indexLoadedAccount } from './loaded-rows-indexer';
import { loadScript } from './load.script';
import { popLoadedScript } from './pop-loaded.script';
import { queryScript } from './query.script';
import { holdGenerations, sweepGenerations } from './generation-holds';
import { decodeRow, execOrThrow, type Scripts, scriptRuns } from './redis-encoding';
import { LAYOUT, RedisKeys } from './redis-keys';
import { scanChunks } from './scan-chunks';
import { scanScript } from './scan.script';
import { storeIndexedScript } from './store-indexed.script';

export interface RedisReadModelStoreOptions {
  /** Put in front of every key, so deployments (or test runs) sharing a server never meet. Default `gh:`. */
  readonly keyPrefix?: string;
  /** Largest candidate source a query reads and ranks rather than walking its sort order (see queryScript). */
  readonly readUpTo?: number;
  /** Candidates a page examines at most before answering a short page that resumes (default 5000). */
  readonly walkBudget?: number;
  /** Largest driver a walking query counts for an exact total when no cheap count applies (default 1000). */
  readonly countBudget?: number;
}

/** Accounts indexed at once by indexLoaded. */
const ACCOUNTS_PER_WAVE = 100;

/** Every declared read model in one Redis, by generation and account (key layout: redis-keys.ts). */
export class RedisReadModelStore extends ReadModelStore {
  private readonly redis: Redis;
  private readonly ownsClient: boolean;
  private readonly keys: RedisKeys;
  private readonly tuning: Pick<RedisReadModelStoreOptions, 'readUpTo' | 'walkBudget' | 'countBudget'>;
  private readonly defined = new Set<string>();

  constructor(connection: Redis | string, options: RedisReadModelStoreOptions = {}) {
    super();
    this.ownsClient = typeof connection === 'string';
    this.redis = typeof connection === 'string' ? new Redis(connection) : connection;
    this.keys = new RedisKeys(options.keyPrefix ?? 'gh:');
    this.tuning = {
      readUpTo: options.readUpTo,
      walkBudget: options.walkBudget,
      countBudget: options.countBudget,
    };
  }

  /**
   * One pipeline per call; writes grouped by account (keeping their order within it), WRITES_PER_RUN to a
   * script run, each run atomic and idempotent by stream position.
   */
  async apply(model: ReadModelDeclaration, writes: readonly RowWrite[], generation?: number): Promise<void> {
    if (writes.length === 0) return;
    const number = generation ?? (await this.currentOrFirst(model));
    // Defined before the pipeline is made: a pipeline knows the commands defined when it was made.
    const apply = this.command(model, 'apply');
    const pipeline = this.redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
    for (const { accountId, args } of scriptRuns(model, writes)) {
      const base = this.keys.base(model, number, accountId);
      pipeline[apply](`${base}rows`, base, ...args);
    }
    await execOrThrow(pipeline);
  }

  /**
   * As apply(), but each run only merges its writes into the rows (see loadScript) and notes the listed
   * ones in the account's loaded list; the accounts written go into the generation's set for indexLoaded().
   */
  async load(model: ReadModelDeclaration, writes: readonly RowWrite[], generation: number): Promise<void> {
    if (writes.length === 0) return;
    const load = this.command(model, 'load');
    const pipeline = this.redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
    const accounts = new Set<string>();
    for (const { accountId, args } of scriptRuns(model, writes)) {
      const base = this.keys.base(model, generation, accountId);
      accounts.add(accountId);
      // One JSON text rather than an argument per field: encoding a few arguments per write instead of
      // dozens was most of this process's cost of a rebuild.
      pipeline[load](`${base}loaded`, base, JSON.stringify(args));
    }
    pipeline.sadd(this.keys.loadedAccounts(model, generation), ...accounts);
    await execOrThrow(pipeline);
  }

  /** Indexes each loaded account's rows (see indexLoadedAccount), ACCOUNTS_PER_WAVE accounts at once. */
  async indexLoaded(model: ReadModelDeclaration, generation: number): Promise<void> {
    const accountsKey = this.keys.loadedAccounts(model, generation);
    // Defined before indexing makes pipelines: a pipeline knows the commands defined when it was made.
    const scripts = { pop: this.command(model, 'popLoaded'), store: this.command(model, 'storeIndexed') };
    for await (const found of this.redis.sscanStream(accountsKey, { count: ACCOUNTS_PER_WAVE })) {
      await Promise.all(
        [...new Set(found as string[])].map((accountId) =>
          indexLoadedAccount(this.redis, model, this.keys.base(model, generation, accountId), scripts),
        ),
      );
    }
    await this.redis.del(accountsKey);
  }

  async query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage> {
    assertLimit(query.limit);
    const number = generation ?? (await this.current(model));
    if (number === null) return { rows: [], total: 0, more: false };
    const base = this.keys.base(model, number, query.accountId);
    const { search, anyOf, ranges, sort, descending, after, limit } = query;
    const script = this.redis as unknown as Scripts<Promise<unknown[]>>;
    const json = JSON.stringify({
      search,
      anyOf,
      ranges,
      sort,
      desc: descending,
      after,
      limit,
      ...this.tuning,
    });
    const [total, atLeast, more, next, ...page] = (await script[this.command(model, 'query')](
      `${base}scratch`,
      base,
      json,
    )) as [number, number, number, string | null, ...string[]];
    const half = page.length / 2;
    const rows: PageRow[] = [];
    for (let index = 0; index < half; index++) rows.push(pageRow(page[index], page[half + index]));
    return {
      rows,
      total,
      more: more === 1,
      ...(atLeast === 1 ? { totalIsAtLeast: true } : {}),
      ...(more === 1 && typeof next === 'string' ? { next } : {}),
    };
  }

  /** The rows of each chunk (see chunks) come as one JSON text, only `columns` when given. */
  async *scan(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
    columns?: readonly string[],
  ): AsyncGenerator<Row[]> {
    for await (const text of this.chunks(model, query, generation, { limit: batch, columns })) {
      const rows = JSON.parse(text) as Row[];
      if (rows.length > 0) yield rows;
    }
  }

  /**
   * As scan(), each chunk the rows' ready CSV lines joined: nothing to parse or render. Filtered, the scan
   * script checks the candidates; unfiltered, the lines are read with plain commands (see linesInOrder).
   */
  async *scanCsv(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
  ): AsyncGenerator<Buffer> {
    const filtered = (query.search ?? '') !== '' || query.anyOf.length > 0 || query.ranges.length > 0;
    const base = this.keys.base(model, generation, query.accountId);
    const texts = filtered
      ? this.chunks(model, query, generation, { limit: batch, csv: true })
      : linesInOrder(this.redis, base, query.sort, query.descending, batch);
    for await (const text of texts)
      if (text.length > 0) yield typeof text === 'string' ? Buffer.from(text) : text;
  }

  async get(model: ReadModelDeclaration, accountId: string, rowId: string, generation?: number) {
    const number = generation ?? (await this.current(model));
    if (number === null) return null;
    const flat = await this.redis.call('HGETALL', `${this.keys.base(model, number, accountId)}row:${rowId}`);
    const row = decodeRow(rowId, flat as string[]);
    return row[model.listedBy] === undefined ? null : { ...row, ...readFields(model, row) };
  }

  async count(model: ReadModelDeclaration, accountId: string, generation?: number): Promise<number> {
    const number = generation ?? (await this.current(model));
    if (number === null) return 0;
    return this.redis.zcard(`${this.keys.base(model, number, accountId)}sort:${model.defaultSort}`);
  }

  async current(model: ReadModelDeclaration): Promise<number | null> {
    const value = await this.redis.get(this.keys.pointer(model));
    return value === null ? null : Number(value);
  }

  createGeneration(model: ReadModelDeclaration): Promise<number> {
    return this.redis.incr(this.keys.generations(model));
  }

  async switchTo(model: ReadModelDeclaration, generation: number): Promise<void> {
    await this.namePointer(model);
    await this.redis.set(this.keys.pointer(model), String(generation));
  }

  async dropGeneration(model: ReadModelDeclaration, generation: number): Promise<void> {
    await this.unlinkMatching(this.keys.generationPattern(model, generation));
    await this.redis.zrem(this.keys.holds(model), generation);
  }

  hold(model: ReadModelDeclaration, generations: readonly number[], until: number): Promise<void> {
    return holdGenerations(this.redis, this.keys, model, generations, until);
  }

  sweep(model: ReadModelDeclaration, now: number): Promise<number[]> {
    return sweepGenerations(this.redis, this.keys, model, now, (generation) =>
      this.dropGeneration(model, generation),
    );
  }

  clear(model: ReadModelDeclaration): Promise<void> {
    return this.unlinkMatching(this.keys.modelPattern(model));
  }

  /** Runs of the scan script over one generation of the query's account (see scanChunks). */
  private chunks(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    shape: Parameters<typeof scanChunks>[2],
  ): AsyncGenerator<string> {
    const base = this.keys.base(model, generation, query.accountId);
    const script = this.redis as unknown as Scripts<Promise<[string | null, string]>>;
    const scan = this.command(model, 'scan');
    return scanChunks((json) => script[scan](`${base}rows`, base, json), query, shape);
  }

  /** Closes the connection only when this adapter opened it; a client passed in belongs to the caller. */
  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }

  /** Generation 1 on first use; SET NX so concurrent first writers agree on one. */
  private async currentOrFirst(model: ReadModelDeclaration): Promise<number> {
    const existing = await this.current(model);
    if (existing !== null) return existing;
    const first = await this.createGeneration(model);
    await this.namePointer(model);
    await this.redis.set(this.keys.pointer(model), String(first), 'NX');
    return (await this.current(model)) as number;
  }

  /** Names the pointer among the model's before it is set, so a sweep finds it whenever it exists. */
  private async namePointer(model: ReadModelDeclaration): Promise<void> {
    await this.redis.sadd(this.keys.pointers(model), this.keys.pointer(model));
  }

  /** Defines the model's scripts once (ioredis sends EVALSHA, loading on NOSCRIPT). */
  private command(model: ReadModelDeclaration, kind: keyof typeof scripts): string {
    const name = `rm${LAYOUT}_${kind}_${model.name.replace(/\W/g, '_')}`;
    if (!this.defined.has(name)) {
      const lua = scripts[kind](model);
      this.redis.defineCommand(name, { numberOfKeys: 1, lua });
      this.defined.add(name);
    }
    return name;
  }

  /** SCAN batches, never KEYS or FLUSHDB. */
  private async unlinkMatching(match: string): Promise<void> {
    for await (const keys of this.redis.scanStream({ match, count: 1000 })) {
      if ((keys as string[]).length > 0) await this.redis.unlink(...(keys as string[]));
    }
  }
}

const scripts = {
  apply: applyScript,
  load: loadScript,
  popLoaded: popLoadedScript,
  storeIndexed: storeIndexedScript,
  query: queryScript,
  scan: scanScript,
};

/**
 * A page's row from its position (`<key>\0<id>`) and stored JSON record (the row's fields without braces or
 * id), as JSON text: a users page goes out as stored, never parsed (parsing and serialising a 50-row page
 * again was a third of the serving process's time).
 */
const pageRow = (position: string, record: string): PageRow =>
  new JsonPageRow(position, `{"id":${JSON.stringify(rowIdOf(position))},${record}}`);
