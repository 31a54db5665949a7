import { ReadModelStore } from '@gatehouse/read-models';
import {
  assertLimit,
  type ReadModelDeclaration,
  type Row,
  type RowPage,
  type RowQuery,
  type RowWrite,
} from '@gatehouse/read-model-kit';
import { type ChainableCommander, Redis } from 'ioredis';
import { applyScript } from './apply.script';
import { indexScript } from './index.script';
import { loadScript } from './load.script';
import { queryScript } from './query.script';
import { decodeRow, escapeGlob, execOrThrow, writeArgs } from './redis-encoding';
import { scanScript } from './scan.script';

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

/** Writes per script run: a run blocks the server, so a large batch goes as several (one pipeline). */
const WRITES_PER_RUN = 500;
/** Rows one index run reads and indexes: a run blocks the server, so about as long as an apply run. */
const ROWS_PER_INDEX_RUN = 1000;
/** Accounts whose index runs share a pipeline. */
const ACCOUNTS_PER_WAVE = 100;
/**
 * Index runs per account in a pipeline: each pops rows of its own, so a large account's runs follow one
 * another without a round trip between them (the server still serves others between runs).
 */
const RUNS_PER_ACCOUNT = 8;
/** Candidates one export chunk examines at most, so no script run holds the server long. */
const SCAN_BUDGET = 5000;

/**
 * The key layout's version, part of the `current` pointer's name: a store that finds no pointer of its own
 * layout (a deployment of the previous one) has no generation, and the runner rebuilds at start.
 */
const LAYOUT = 5;

interface Scripts<R> {
  [command: string]: (...args: string[]) => R;
}

/**
 * Keys of model `m` (the prefix `<p>` holds no braces; `{accountId}` is the cluster hash tag, so each
 * account's keys of a generation share a slot and every script touches one slot):
 * - `<p>m:current:v<layout>` the serving generation, `<p>m:generations` the last generation number;
 * - `<p>m:g<n>:{a}:row:<id>` hash of one row: JSON columns, `_n:<column>` folded keys, `_s` its sets,
 *   `_t` its search terms, `_p:<stream>` positions (the row id in a stream id written `*`);
 * - `<p>m:g<n>:{a}:csv` and `…:json` hashes of each listed row's CSV line and JSON record by id (apart
 *   from the row, whose hash a value over 64 bytes would turn from a listpack into a table of twice the
 *   memory; a page or an export reads many rows' with one HMGET);
 * - `<p>m:g<n>:{a}:sort:<sort>` sorted set, score 0, members `<sort key>\0<id>\0<_t>\0<_s>` (layout 5:
 *   a walk checks a candidate from its member), read BYLEX; pages and cursors carry `<sort key>\0<id>`;
 * - `<p>m:g<n>:{a}:set:<set>:<value>` set of ids; `<p>m:g<n>:{a}:search` members `<term>\0<id>`, but for
 *   terms a sort's members already hold whole (a search group with a sort's columns: name, username, email);
 * - `<p>m:g<n>:{a}:scratch` a query's working set, created and deleted inside one script run;
 * - while a rebuild loads a generation: `<p>m:g<n>:{a}:loaded` the ids of listed rows not yet indexed, and
 *   `<p>m:g<n>:loaded-accounts` the accounts holding such sets (both emptied by indexLoaded).
 * The client must not set ioredis' own keyPrefix: this adapter prefixes keys itself, SCAN patterns included.
 */
export class RedisReadModelStore extends ReadModelStore {
  private readonly redis: Redis;
  private readonly ownsClient: boolean;
  private readonly prefix: string;
  private readonly tuning: Pick<RedisReadModelStoreOptions, 'readUpTo' | 'walkBudget' | 'countBudget'>;
  private readonly defined = new Set<string>();

  constructor(connection: Redis | string, options: RedisReadModelStoreOptions = {}) {
    super();
    this.ownsClient = typeof connection === 'string';
    this.redis = typeof connection === 'string' ? new Redis(connection) : connection;
    this.prefix = options.keyPrefix ?? 'gh:';
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
    this.eachRun(model, number, writes, (base, args) => pipeline[apply](`${base}rows`, base, ...args));
    await execOrThrow(pipeline);
  }

  /**
   * As apply(), but each run only merges its writes into the rows (see loadScript) and notes the listed
   * ones in the account's loaded set; the accounts written go into the generation's set for indexLoaded().
   */
  async load(model: ReadModelDeclaration, writes: readonly RowWrite[], generation: number): Promise<void> {
    if (writes.length === 0) return;
    const load = this.command(model, 'load');
    const pipeline = this.redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
    const accounts = new Set<string>();
    this.eachRun(model, generation, writes, (base, args, accountId) => {
      accounts.add(accountId);
      // One JSON text rather than an argument per field: encoding a few arguments per write instead of
      // dozens was most of this process's cost of a rebuild.
      pipeline[load](`${base}loaded`, base, JSON.stringify(args));
    });
    pipeline.sadd(this.loadedAccounts(model, generation), ...accounts);
    await execOrThrow(pipeline);
  }

  /**
   * Empties each loaded account's set ROWS_PER_INDEX_RUN rows to a script run, RUNS_PER_ACCOUNT runs of
   * each of up to ACCOUNTS_PER_WAVE accounts in one pipeline, until every set is empty.
   */
  async indexLoaded(model: ReadModelDeclaration, generation: number): Promise<void> {
    const index = this.command(model, 'index');
    const accountsKey = this.loadedAccounts(model, generation);
    for await (const found of this.redis.sscanStream(accountsKey, { count: ACCOUNTS_PER_WAVE })) {
      let pending = [...new Set(found as string[])];
      while (pending.length > 0) {
        const pipeline = this.redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
        for (const accountId of pending) {
          const base = this.base(model, generation, accountId);
          for (let run = 0; run < RUNS_PER_ACCOUNT; run++)
            pipeline[index](`${base}loaded`, base, String(ROWS_PER_INDEX_RUN));
        }
        const indexed = (await execOrThrow(pipeline)) as number[];
        // An account whose last run found a full set may have more; runs past the end find none.
        pending = pending.filter((_, at) => indexed[(at + 1) * RUNS_PER_ACCOUNT - 1] === ROWS_PER_INDEX_RUN);
      }
    }
    await this.redis.del(accountsKey);
  }

  async query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage> {
    assertLimit(query.limit);
    const number = generation ?? (await this.current(model));
    if (number === null) return { rows: [], total: 0, more: false };
    const base = this.base(model, number, query.accountId);
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
    const [total, atLeast, more, next, rows, ...members] = await script[this.command(model, 'query')](
      `${base}scratch`,
      base,
      json,
    );
    return {
      rows: (JSON.parse(rows as string) as Row[]).map((row, index) => ({
        row,
        member: members[index] as string,
      })),
      total: total as number,
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

  /** As scan(), each chunk the rows' ready CSV lines joined by the script: nothing to parse or render. */
  async *scanCsv(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
  ): AsyncGenerator<string> {
    for await (const text of this.chunks(model, query, generation, { limit: batch, csv: true }))
      if (text !== '') yield text;
  }

  async get(model: ReadModelDeclaration, accountId: string, rowId: string, generation?: number) {
    const number = generation ?? (await this.current(model));
    if (number === null) return null;
    const flat = await this.redis.call('HGETALL', `${this.base(model, number, accountId)}row:${rowId}`);
    const row = decodeRow(rowId, flat as string[]);
    return row[model.listedBy] === undefined ? null : row;
  }

  async count(model: ReadModelDeclaration, accountId: string, generation?: number): Promise<number> {
    const number = generation ?? (await this.current(model));
    if (number === null) return 0;
    return this.redis.zcard(`${this.base(model, number, accountId)}sort:${model.defaultSort}`);
  }

  async current(model: ReadModelDeclaration): Promise<number | null> {
    const value = await this.redis.get(this.pointer(model));
    return value === null ? null : Number(value);
  }

  createGeneration(model: ReadModelDeclaration): Promise<number> {
    return this.redis.incr(`${this.prefix}${model.name}:generations`);
  }

  async switchTo(model: ReadModelDeclaration, generation: number): Promise<void> {
    await this.redis.set(this.pointer(model), String(generation));
  }

  dropGeneration(model: ReadModelDeclaration, generation: number): Promise<void> {
    return this.unlinkMatching(`${escapeGlob(`${this.prefix}${model.name}:g${generation}:`)}*`);
  }

  clear(model: ReadModelDeclaration): Promise<void> {
    return this.unlinkMatching(`${escapeGlob(`${this.prefix}${model.name}:`)}*`);
  }

  /**
   * Walks the sort order in chunks from one generation, each chunk one script run that checks the
   * predicates and returns its rows as one text (see scanScript): the server is never held longer than
   * SCAN_BUDGET candidates, and memory stays at two chunks (the next is read while the caller takes this one).
   */
  private async *chunks(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    shape: { readonly limit: number; readonly columns?: readonly string[]; readonly csv?: true },
  ): AsyncGenerator<string> {
    const base = this.base(model, generation, query.accountId);
    const { search, anyOf, ranges, sort, descending } = query;
    const fixed = { search, anyOf, ranges, sort, desc: descending, budget: SCAN_BUDGET, ...shape };
    const script = this.redis as unknown as Scripts<Promise<[string | null, string]>>;
    const chunk = (after?: string) => {
      const reply = script[this.command(model, 'scan')](
        `${base}rows`,
        base,
        JSON.stringify({ ...fixed, after }),
      );
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

  /** Closes the connection only when this adapter opened it; a client passed in belongs to the caller. */
  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }

  /** Generation 1 on first use; SET NX so concurrent first writers agree on one. */
  private async currentOrFirst(model: ReadModelDeclaration): Promise<number> {
    const existing = await this.current(model);
    if (existing !== null) return existing;
    const first = await this.createGeneration(model);
    await this.redis.set(this.pointer(model), String(first), 'NX');
    return (await this.current(model)) as number;
  }

  /**
   * Writes grouped by account (keeping their order within it), as one script run's write arguments (see
   * applyScript) per WRITES_PER_RUN of them.
   */
  private eachRun(
    model: ReadModelDeclaration,
    generation: number,
    writes: readonly RowWrite[],
    run: (base: string, args: string[], accountId: string) => void,
  ): void {
    const byAccount = new Map<string, RowWrite[]>();
    for (const write of writes) {
      const list = byAccount.get(write.accountId);
      if (list) list.push(write);
      else byAccount.set(write.accountId, [write]);
    }
    for (const [accountId, list] of byAccount) {
      const base = this.base(model, generation, accountId);
      for (let start = 0; start < list.length; start += WRITES_PER_RUN) {
        const args: string[] = [];
        for (const write of list.slice(start, start + WRITES_PER_RUN)) writeArgs(model, write, args);
        run(base, args, accountId);
      }
    }
  }

  /** The accounts load() wrote to a generation and indexLoaded() has not indexed yet. */
  private loadedAccounts(model: ReadModelDeclaration, generation: number): string {
    return `${this.prefix}${model.name}:g${generation}:loaded-accounts`;
  }

  private pointer(model: ReadModelDeclaration): string {
    return `${this.prefix}${model.name}:current:v${LAYOUT}`;
  }

  private base(model: ReadModelDeclaration, generation: number, accountId: string): string {
    return `${this.prefix}${model.name}:g${generation}:{${accountId}}:`;
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
  index: indexScript,
  query: queryScript,
  scan: scanScript,
};
