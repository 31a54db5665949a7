import { ReadModelStore } from '@gatehouse/read-models';
import {
  assertLimit,
  columnKeys,
  type ReadModelDeclaration,
  type Row,
  type RowPage,
  type RowQuery,
  type RowWrite,
} from '@gatehouse/read-model-kit';
import { type ChainableCommander, Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { applyScript } from './apply.script';
import { queryScript } from './query.script';

export interface RedisReadModelStoreOptions {
  /** Put in front of every key, so deployments (or test runs) sharing a server never meet. Default `gh:`. */
  readonly keyPrefix?: string;
  /** Candidates from which a query walks its sort order instead of ranking them (see queryScript). */
  readonly walkFrom?: number;
}

interface Scripts<R> {
  [command: string]: (...args: string[]) => R;
}

/**
 * Keys of model `m` (the prefix `<p>` holds no braces; `{accountId}` is the cluster hash tag, so each
 * account's keys of a generation share a slot and every script touches one slot):
 * - `<p>m:current` the serving generation, `<p>m:generations` the last generation number;
 * - `<p>m:g<n>:{a}:row:<id>` hash of one row: JSON columns, `_n:<column>` folded keys, `_pos:<stream>`;
 * - `<p>m:g<n>:{a}:sort:<sort>` sorted set, score 0, members `<sort key>\0<id>`, read BYLEX;
 * - `<p>m:g<n>:{a}:set:<set>:<value>` set of ids; `<p>m:g<n>:{a}:search` members `<term>\0<id>`;
 * - `<p>m:g<n>:{a}:scratch` a query's working set, created and deleted inside one script run;
 * - `<p>m:g<n>:{a}:export:<uuid>` an export's ranked matches, deleted when it ends (expires after an hour).
 * The client must not set ioredis' own keyPrefix: this adapter prefixes keys itself, SCAN patterns included.
 */
export class RedisReadModelStore extends ReadModelStore {
  private readonly redis: Redis;
  private readonly ownsClient: boolean;
  private readonly prefix: string;
  private readonly walkFrom?: number;
  private readonly defined = new Set<string>();

  constructor(connection: Redis | string, options: RedisReadModelStoreOptions = {}) {
    super();
    this.ownsClient = typeof connection === 'string';
    this.redis = typeof connection === 'string' ? new Redis(connection) : connection;
    this.prefix = options.keyPrefix ?? 'gh:';
    this.walkFrom = options.walkFrom;
  }

  /** One pipeline per call: one round trip, each write still its own atomic script run. */
  async apply(model: ReadModelDeclaration, writes: readonly RowWrite[], generation?: number): Promise<void> {
    if (writes.length === 0) return;
    const number = generation ?? (await this.currentOrFirst(model));
    const apply = this.command(model, 'apply');
    const pipeline = this.redis.pipeline() as ChainableCommander & Scripts<ChainableCommander>;
    for (const write of writes) {
      const base = this.base(model, number, write.accountId);
      const head = [base, write.rowId, `_pos:${write.source.streamId}`, String(write.source.streamPosition)];
      if (write.kind === 'toggle') {
        pipeline[apply](
          `${base}row:${write.rowId}`,
          ...head,
          't',
          write.column,
          write.item,
          write.present ? '1' : '0',
        );
        continue;
      }
      // An explicit undefined would reach Redis as '' and make the row unreadable: skip it.
      const columns = Object.fromEntries(
        Object.entries(write.columns).filter(([, value]) => value !== undefined),
      );
      const pairs = [
        ...Object.entries(columns).flatMap(([column, value]) => [column, JSON.stringify(value)]),
        ...Object.entries(columnKeys(model, columns)).flatMap(([column, key]) => [`_n:${column}`, key]),
      ];
      pipeline[apply](`${base}row:${write.rowId}`, ...head, 'u', ...pairs);
    }
    await execOrThrow(pipeline);
  }

  async query(model: ReadModelDeclaration, query: RowQuery, generation?: number): Promise<RowPage> {
    assertLimit(query.limit);
    const number = generation ?? (await this.current(model));
    if (number === null) return { rows: [], total: 0, more: false };
    const [total, more, ...flat] = await this.runQuery(
      model,
      this.base(model, number, query.accountId),
      query,
    );
    const rows: { row: Row; member: string }[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      const member = flat[index] as string;
      rows.push({
        member,
        row: decodeRow(member.slice(member.indexOf('\u0000') + 1), flat[index + 1] as string[]),
      });
    }
    return { rows, total: total as number, more: more === 1 };
  }

  /**
   * Without predicates, pages straight through the sort index. With them, the query script ranks every
   * match once into a key of the generation (an expiring snapshot of the matching members), which is then
   * paged through and deleted: one ranking per export, not one per page.
   */
  async *scan(
    model: ReadModelDeclaration,
    query: Omit<RowQuery, 'after' | 'limit'>,
    generation: number,
    batch = 1000,
  ): AsyncGenerator<Row[]> {
    const base = this.base(model, generation, query.accountId);
    const ranked = Boolean(query.search) || query.anyOf.length > 0 || query.ranges.length > 0;
    const source = ranked ? `${base}export:${randomUUID()}` : `${base}sort:${query.sort}`;
    try {
      if (ranked) await this.runQuery(model, base, { ...query, limit: 1 }, source);
      let after: string | undefined;
      for (;;) {
        const from = after === undefined ? (query.descending ? '+' : '-') : `(${after}`;
        const to = query.descending ? '-' : '+';
        const members = query.descending
          ? await this.redis.zrange(source, from, to, 'BYLEX', 'REV', 'LIMIT', 0, batch)
          : await this.redis.zrange(source, from, to, 'BYLEX', 'LIMIT', 0, batch);
        if (members.length === 0) return;
        const pipeline = this.redis.pipeline();
        const ids = members.map((member) => member.slice(member.indexOf('\u0000') + 1));
        for (const id of ids) pipeline.call('HGETALL', `${base}row:${id}`);
        const hashes = (await execOrThrow(pipeline)) as string[][];
        yield hashes.map((flat, index) => decodeRow(ids[index], flat));
        if (members.length < batch) return;
        after = members[members.length - 1];
      }
    } finally {
      if (ranked) await this.redis.unlink(source);
    }
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
    const value = await this.redis.get(`${this.prefix}${model.name}:current`);
    return value === null ? null : Number(value);
  }

  createGeneration(model: ReadModelDeclaration): Promise<number> {
    return this.redis.incr(`${this.prefix}${model.name}:generations`);
  }

  async switchTo(model: ReadModelDeclaration, generation: number): Promise<void> {
    await this.redis.set(`${this.prefix}${model.name}:current`, String(generation));
  }

  dropGeneration(model: ReadModelDeclaration, generation: number): Promise<void> {
    return this.unlinkMatching(`${escapeGlob(`${this.prefix}${model.name}:g${generation}:`)}*`);
  }

  clear(model: ReadModelDeclaration): Promise<void> {
    return this.unlinkMatching(`${escapeGlob(`${this.prefix}${model.name}:`)}*`);
  }

  /** Closes the connection only when this adapter opened it; a client passed in belongs to the caller. */
  async close(): Promise<void> {
    if (this.ownsClient) await this.redis.quit();
  }

  private runQuery(
    model: ReadModelDeclaration,
    base: string,
    query: RowQuery,
    keep?: string,
  ): Promise<unknown[]> {
    const { search, anyOf, ranges, sort, descending, after, limit } = query;
    const script = this.redis as unknown as Scripts<Promise<unknown[]>>;
    return script[this.command(model, 'query')](
      `${base}scratch`,
      base,
      JSON.stringify({
        search,
        anyOf,
        ranges,
        sort,
        desc: descending,
        after,
        limit,
        keep,
        walkFrom: this.walkFrom,
      }),
    );
  }

  /** Generation 1 on first use; SET NX so concurrent first writers agree on one. */
  private async currentOrFirst(model: ReadModelDeclaration): Promise<number> {
    const existing = await this.current(model);
    if (existing !== null) return existing;
    const first = await this.createGeneration(model);
    await this.redis.set(`${this.prefix}${model.name}:current`, String(first), 'NX');
    return (await this.current(model)) as number;
  }

  private base(model: ReadModelDeclaration, generation: number, accountId: string): string {
    return `${this.prefix}${model.name}:g${generation}:{${accountId}}:`;
  }

  /** Defines the model's scripts once (ioredis sends EVALSHA, loading on NOSCRIPT). */
  private command(model: ReadModelDeclaration, kind: 'apply' | 'query'): string {
    const name = `rm_${kind}_${model.name.replace(/\W/g, '_')}`;
    if (!this.defined.has(name)) {
      const lua = kind === 'apply' ? applyScript(model) : queryScript(model);
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

async function execOrThrow(pipeline: ChainableCommander): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  const failed = results.find(([error]) => error);
  if (failed) throw failed[0];
  return results.map(([, result]) => result);
}

/** Columns are JSON; fields starting with `_` (positions, folded keys) stay inside the adapter. */
function decodeRow(id: string, flat: readonly string[]): Row {
  const row: Record<string, unknown> = {};
  for (let index = 0; index < flat.length; index += 2) {
    if (!flat[index].startsWith('_')) row[flat[index]] = JSON.parse(flat[index + 1]);
  }
  return { ...row, id };
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
